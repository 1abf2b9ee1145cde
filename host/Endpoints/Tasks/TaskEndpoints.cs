using Decoupling.Application.Cases;
using Decoupling.Application.People;
using Decoupling.Application.Tasks;
using Decoupling.Engine;
using Decoupling.Engine.Access;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Tasks;

/// <summary>
/// The task inbox and every task operation, for signed-in users. Each operation is one call into the application layer,
/// where the engine checks the task's contract and the access policy in the step itself; a task the caller may not see
/// answers 404 exactly like a task that does not exist (a reviewer learns nothing about another department's work).
/// </summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tasks = endpoints.MapGroup("/api/tasks").RequireAuthorization(Policies.SignedIn).WithTags("待办");

        tasks.MapGet("/", async (HttpContext http, ActorResolver actors, TaskOperations operations, CaseNames names, WorkflowEngine engine, string? search, bool? overdue, int? skip, int? take) =>
        {
            var actor = await actors.ForAsync(http.User);
            var now = engine.Clock.Now;
            var open = await operations.InboxAsync(actor, skip ?? 0, Math.Clamp(take ?? 200, 1, 1000));
            var caseNames = await names.ResolveAsync(open.Select(t => t.BusinessKey));
            var items = open
                .Select(t => TaskView.Of(t, now, t.BusinessKey is { } k ? caseNames.GetValueOrDefault(k) : null))
                .Where(t => overdue != true || t.Overdue)
                .Where(t => string.IsNullOrWhiteSpace(search) || (t.Name ?? t.ElementId).Contains(search, StringComparison.OrdinalIgnoreCase)
                    || (t.CaseName ?? t.BusinessKey ?? "").Contains(search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return Results.Ok(new { total = await operations.InboxCountAsync(actor), overdue = items.Count(t => t.Overdue), items });
        });

        tasks.MapGet("/done", async (HttpContext http, ActorResolver actors, TaskOperations operations, WorkflowEngine engine) =>
            (await operations.DoneAsync(await actors.ForAsync(http.User))).Select(t => TaskView.Of(t, engine.Clock.Now)));

        tasks.MapGet("/copies", async (HttpContext http, ActorResolver actors, TaskOperations operations) =>
            await operations.CopiesAsync(await actors.ForAsync(http.User)));

        tasks.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActorResolver actors, TaskOperations operations, CaseNames names, WorkflowEngine engine) =>
        {
            var details = await operations.DetailsAsync(await actors.ForAsync(http.User), id);
            return Results.Ok(TaskDetailsView.Of(details, engine.Clock.Now, await names.NameOfAsync(details.Task.BusinessKey)));
        });

        tasks.MapGet("/{id:guid}/return-targets", async (Guid id, HttpContext http, ActorResolver actors, TaskOperations operations) =>
            Results.Ok((await operations.DetailsAsync(await actors.ForAsync(http.User), id)).ReturnTargets));

        tasks.MapGet("/{id:guid}/people", async (Guid id, HandOver? kind, HttpContext http, ActorResolver actors, TaskPeople people) =>
            Results.Ok((await people.ReceiversAsync(await actors.ForAsync(http.User), id, kind ?? HandOver.Transfer))
                .Select(p => new { userName = p.UserName, displayName = p.DisplayName, unit = p.UnitName })));

        Operation(tasks, "claim", (ops, actor, id, _) => ops.ClaimAsync(actor, id));
        Operation(tasks, "unclaim", (ops, actor, id, _) => ops.UnclaimAsync(actor, id));
        Operation(tasks, "urge", (ops, actor, id, comment) => ops.UrgeAsync(actor, id, comment));
        Operation(tasks, "withdraw", (ops, actor, id, comment) => ops.WithdrawAsync(actor, id, comment));

        tasks.MapPost("/{id:guid}/complete", async (Guid id, TaskRequests.Complete body, HttpContext http, ActorResolver actors, TaskOperations operations) =>
        {
            await operations.CompleteAsync(await actors.ForAsync(http.User), id, body.Outcome, body.Variables, body.Comment);
            return Results.NoContent();
        });
        tasks.MapPost("/{id:guid}/return", async (Guid id, TaskRequests.Return body, HttpContext http, ActorResolver actors, TaskOperations operations) =>
        {
            await operations.ReturnAsync(await actors.ForAsync(http.User), id, body.TargetElementId, body.Comment);
            return Results.NoContent();
        });
        tasks.MapPost("/{id:guid}/transfer", async (Guid id, TaskRequests.ToUser body, HttpContext http, ActorResolver actors, TaskOperations operations) =>
        {
            await operations.TransferAsync(await actors.ForAsync(http.User), id, body.UserName, body.Comment);
            return Results.NoContent();
        });
        tasks.MapPost("/{id:guid}/delegate", async (Guid id, TaskRequests.ToUser body, HttpContext http, ActorResolver actors, TaskOperations operations) =>
        {
            await operations.DelegateAsync(await actors.ForAsync(http.User), id, body.UserName, body.Comment);
            return Results.NoContent();
        });
        tasks.MapPost("/{id:guid}/signers", async (Guid id, TaskRequests.Signers body, HttpContext http, ActorResolver actors, TaskOperations operations, WorkflowEngine engine) =>
        {
            var added = await operations.AddSignersAsync(await actors.ForAsync(http.User), id, body.Users, body.Position, body.Comment);
            return Results.Ok(added.Select(t => TaskView.Of(t, engine.Clock.Now)));
        });
        tasks.MapDelete("/{id:guid}/signer", async (Guid id, HttpContext http, ActorResolver actors, TaskOperations operations, string? comment) =>
        {
            await operations.RemoveSignerAsync(await actors.ForAsync(http.User), id, comment);
            return Results.NoContent();
        });
        tasks.MapPost("/{id:guid}/copy", async (Guid id, TaskRequests.Copy body, HttpContext http, ActorResolver actors, TaskOperations operations) =>
        {
            await operations.CopyAsync(await actors.ForAsync(http.User), id, body.Recipients, body.Comment);
            return Results.NoContent();
        });
        return endpoints;
    }

    private static void Operation(RouteGroupBuilder tasks, string name, Func<TaskOperations, CaseActor, Guid, string?, Task> run) =>
        tasks.MapPost($"/{{id:guid}}/{name}", async (Guid id, TaskRequests.Comment? body, HttpContext http, ActorResolver actors, TaskOperations operations) =>
        {
            await run(operations, await actors.ForAsync(http.User), id, body?.Text);
            return Results.NoContent();
        });
}
