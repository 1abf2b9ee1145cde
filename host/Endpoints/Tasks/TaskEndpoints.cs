using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;
using Decoupling.Engine.Errors;

namespace Decoupling.Host.Endpoints.Tasks;

/// <summary>
/// The task inbox and every task operation. Signed-in users; what a user may see and do is decided per task: the
/// engine checks assignee/candidate rules for each operation, and a task the user cannot see answers 404 exactly like a
/// task that does not exist (a reviewer learns nothing about another department's work).
/// </summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tasks = endpoints.MapGroup("/api/tasks").RequireAuthorization(Policies.SignedIn).WithTags("待办");

        tasks.MapGet("/", async (HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db, string? search, bool? overdue, int? skip, int? take) =>
        {
            var actor = await CurrentActor.ForAsync(http.User, users, db);
            var now = engine.Clock.Now;
            var items = (await engine.Tasks.InboxAsync(actor, skip ?? 0, Math.Clamp(take ?? 200, 1, 1000)))
                .Where(t => overdue != true || t.DueAt < now)
                .Where(t => string.IsNullOrWhiteSpace(search) || (t.Name ?? t.ElementId).Contains(search, StringComparison.OrdinalIgnoreCase) || (t.BusinessKey ?? "").Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(t => TaskView.Of(t, now)).ToList();
            return Results.Ok(new { total = await engine.Tasks.InboxCountAsync(actor), overdue = items.Count(t => t.Overdue), items });
        });

        tasks.MapGet("/done", async (HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            (await engine.Tasks.DoneAsync(await CurrentActor.ForAsync(http.User, users, db))).Select(t => TaskView.Of(t, engine.Clock.Now)));

        tasks.MapGet("/copies", async (HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            await engine.Tasks.CopiesAsync(await CurrentActor.ForAsync(http.User, users, db)));

        tasks.MapGet("/{id:guid}", async (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
        {
            var (task, _) = await VisibleAsync(id, http, engine, users, db);
            return task is null ? Results.NotFound() : Results.Ok(TaskView.Of(task, engine.Clock.Now));
        });

        tasks.MapGet("/{id:guid}/return-targets", (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, _) => Results.Ok(await engine.Tasks.ReturnTargetsAsync(id))));

        Operation(tasks, "claim", (engine, id, actor, _) => engine.Tasks.ClaimAsync(id, actor));
        Operation(tasks, "unclaim", (engine, id, actor, _) => engine.Tasks.UnclaimAsync(id, actor));
        tasks.MapPost("/{id:guid}/complete", (Guid id, TaskRequests.Complete body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await engine.Tasks.CompleteAsync(id, actor, body.Outcome, body.Variables, body.Comment);
                return Results.NoContent();
            }));
        tasks.MapPost("/{id:guid}/return", (Guid id, TaskRequests.Return body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await engine.Tasks.ReturnAsync(id, body.TargetElementId, actor, body.Comment);
                return Results.NoContent();
            }));
        tasks.MapPost("/{id:guid}/withdraw", (Guid id, TaskRequests.Comment body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await engine.Tasks.WithdrawAsync(id, actor, body.Text);
                return Results.NoContent();
            }));
        tasks.MapPost("/{id:guid}/transfer", (Guid id, TaskRequests.ToUser body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await RequireUserAsync(users, body.UserName);
                await engine.Tasks.TransferAsync(id, actor, body.UserName, body.Comment);
                return Results.NoContent();
            }));
        tasks.MapPost("/{id:guid}/delegate", (Guid id, TaskRequests.ToUser body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await RequireUserAsync(users, body.UserName);
                await engine.Tasks.DelegateAsync(id, actor, body.UserName, body.Comment);
                return Results.NoContent();
            }));
        tasks.MapPost("/{id:guid}/signers", (Guid id, TaskRequests.Signers body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                foreach (var user in body.Users)
                {
                    await RequireUserAsync(users, user);
                }

                var added = await engine.Tasks.AddSignersAsync(id, actor, body.Users, body.Position, body.Comment);
                return Results.Ok(added.Select(t => TaskView.Of(t, engine.Clock.Now)));
            }));
        tasks.MapDelete("/{id:guid}/signer", (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db, string? comment) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await engine.Tasks.RemoveSignerAsync(id, actor, comment);
                return Results.NoContent();
            }));
        tasks.MapPost("/{id:guid}/copy", (Guid id, TaskRequests.Copy body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                foreach (var user in body.Recipients)
                {
                    await RequireUserAsync(users, user);
                }

                await engine.Tasks.CopyAsync(id, actor, body.Recipients, body.Comment);
                return Results.NoContent();
            }));
        Operation(tasks, "urge", (engine, id, actor, comment) => engine.Tasks.UrgeAsync(id, actor, comment));
        return endpoints;
    }

    private static void Operation(RouteGroupBuilder tasks, string name, Func<WorkflowEngine, Guid, Actor, string?, Task> run) =>
        tasks.MapPost($"/{{id:guid}}/{name}", (Guid id, TaskRequests.Comment? body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            OnVisibleAsync(id, http, engine, users, db, async (_, actor) =>
            {
                await run(engine, id, actor, body?.Text);
                return Results.NoContent();
            }));

    /// <summary>
    /// Who may see a task: its assignee, owner or candidates, whoever completed a task of the case or started it, and the
    /// leading group and administrators. Everyone else gets null (and a 404).
    /// </summary>
    private static async Task<(HumanTask? Task, Actor Actor)> VisibleAsync(Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db)
    {
        var actor = await CurrentActor.ForAsync(http.User, users, db);
        var task = await engine.Tasks.GetAsync(id);
        if (task is null)
        {
            return (null, actor);
        }

        var leadership = http.User.IsInRole(PlatformRoles.LeadingGroup) || http.User.IsInRole(PlatformRoles.SystemAdmin);
        if (CaseVisibility.MaySeeTask(task, actor, leadership))
        {
            return (task, actor);
        }

        // someone who started the case or acted in it follows its other tasks (to urge, or to withdraw their own step)
        var instance = await engine.GetInstanceAsync(task.RootInstanceId);
        var involved = instance is not null && CaseVisibility.MaySeeCase(instance, await engine.Tasks.OfInstanceAsync(task.RootInstanceId), actor, leadership: false);
        return (involved ? task : null, actor);
    }

    private static async Task<IResult> OnVisibleAsync(Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db,
        Func<HumanTask, Actor, Task<IResult>> action)
    {
        var (task, actor) = await VisibleAsync(id, http, engine, users, db);
        return task is null ? Results.NotFound() : await action(task, actor);
    }

    private static async Task RequireUserAsync(UserManager<PlatformUser> users, string userName)
    {
        if (await users.FindByNameAsync(userName) is null)
        {
            throw new EngineException(EngineErrors.TargetUserInvalid, userName);
        }
    }
}
