using System.Text.Json.Nodes;
using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>抄送 (read-only notices to people the policy allows) and 催办 (by someone involved in the case, at most once per ten minutes).</summary>
internal sealed class NoticeCommands(TaskRuntime runtime)
{
    public static readonly TimeSpan UrgeInterval = TimeSpan.FromMinutes(10);

    public Task CopyAsync(Guid taskId, Actor actor, IReadOnlyList<string> recipients, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
            {
                await runtime.RequireTargetAsync(graph, task, recipient, HandOver.Copy, cancellationToken).ConfigureAwait(false);
                var copy = new TaskCopy
                {
                    Id = Guid.NewGuid(),
                    InstanceId = task.InstanceId,
                    TaskId = task.Id,
                    ElementId = task.ElementId,
                    BusinessKey = task.BusinessKey,
                    Recipient = recipient,
                    FromUser = actor.UserId,
                    Comment = comment,
                    CreatedAt = ctx.Now,
                };
                ctx.Session.Add(copy);
                ctx.Announcements.Add(l => l.TaskCopied(copy));
            }

            ctx.Journal(graph, "task-copied", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["to"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]) }.ToJsonString());
        }, cancellationToken);

    public Task UrgeAsync(Guid taskId, Actor actor, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            TaskRuntime.RequireOpen(task);
            if (!await MayUrgeAsync(ctx, graph, task, actor, cancellationToken).ConfigureAwait(false))
            {
                throw new EngineException(EngineErrors.UrgeForbidden);
            }

            if (task.LastUrgedAt is { } last && ctx.Now - last < UrgeInterval)
            {
                throw new EngineException(EngineErrors.UrgeTooSoon, (int)UrgeInterval.TotalMinutes);
            }

            task.UrgeCount++;
            task.LastUrgedAt = ctx.Now;
            ctx.Journal(graph, "task-urged", task.ElementId, task.Name, task.Id, comment);
            ctx.Announcements.Add(l => l.TaskUrged(task, actor.UserId, comment));
        }, cancellationToken);

    /// <summary>Urging is for the people waiting on a task, not for whoever holds it.</summary>
    public async Task<bool> MayUrgeAsync(StepContext ctx, InstanceGraph graph, HumanTask task, Actor actor, CancellationToken cancellationToken) =>
        !(task.Assignee == actor.UserId || (task.Assignee is null && TaskAccess.IsCandidate(task, actor)))
        && (actor.IsAdmin || runtime.Policy.MaySee(task, actor, involved: false) && !TaskAccess.IsParty(task, actor)
            || await TaskRuntime.IsInvolvedAsync(ctx.Session, graph.Instance, actor, cancellationToken).ConfigureAwait(false));
}
