using System.Text.Json.Nodes;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Runtime;

namespace Decoupling.Application.Tasks;

/// <summary>
/// Every task operation, once, for the API, the pages and the jobs. Each is one engine step: the engine checks the task's
/// contract (form, outcome, comment, completion checks) and the platform's access policy inside it, so nothing here
/// reads the task first and nothing is decided twice.
/// </summary>
public sealed class TaskOperations(WorkflowEngine engine)
{
    public Task<TaskDetails> DetailsAsync(CaseActor actor, Guid taskId, CancellationToken cancellationToken = default) =>
        engine.Tasks.DetailsAsync(taskId, actor.Actor, cancellationToken);

    public Task CompleteAsync(CaseActor actor, Guid taskId, string? outcome, JsonObject? variables, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.CompleteAsync(taskId, actor.Actor, outcome, variables, comment, cancellationToken);

    public Task ClaimAsync(CaseActor actor, Guid taskId, CancellationToken cancellationToken = default) =>
        engine.Tasks.ClaimAsync(taskId, actor.Actor, cancellationToken);

    public Task UnclaimAsync(CaseActor actor, Guid taskId, CancellationToken cancellationToken = default) =>
        engine.Tasks.UnclaimAsync(taskId, actor.Actor, cancellationToken);

    public Task ReturnAsync(CaseActor actor, Guid taskId, string targetElementId, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.ReturnAsync(taskId, targetElementId, actor.Actor, comment, cancellationToken);

    public Task WithdrawAsync(CaseActor actor, Guid taskId, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.WithdrawAsync(taskId, actor.Actor, comment, cancellationToken);

    public Task TransferAsync(CaseActor actor, Guid taskId, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.TransferAsync(taskId, actor.Actor, toUser, comment, cancellationToken);

    public Task DelegateAsync(CaseActor actor, Guid taskId, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.DelegateAsync(taskId, actor.Actor, toUser, comment, cancellationToken);

    public Task<IReadOnlyList<HumanTask>> AddSignersAsync(CaseActor actor, Guid taskId, IReadOnlyList<string> users, SignerPosition position, string? comment,
        CancellationToken cancellationToken = default) =>
        engine.Tasks.AddSignersAsync(taskId, actor.Actor, users, position, comment, cancellationToken);

    public Task RemoveSignerAsync(CaseActor actor, Guid signerTaskId, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.RemoveSignerAsync(signerTaskId, actor.Actor, comment, cancellationToken);

    public Task CopyAsync(CaseActor actor, Guid taskId, IReadOnlyList<string> recipients, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.CopyAsync(taskId, actor.Actor, recipients, comment, cancellationToken);

    public Task UrgeAsync(CaseActor actor, Guid taskId, string? comment, CancellationToken cancellationToken = default) =>
        engine.Tasks.UrgeAsync(taskId, actor.Actor, comment, cancellationToken);

    public Task<IReadOnlyList<HumanTask>> InboxAsync(CaseActor actor, int skip = 0, int take = 200, CancellationToken cancellationToken = default) =>
        engine.Tasks.InboxAsync(actor.Actor, skip, take, cancellationToken);

    public Task<int> InboxCountAsync(CaseActor actor, CancellationToken cancellationToken = default) => engine.Tasks.InboxCountAsync(actor.Actor, cancellationToken);

    public Task<IReadOnlyList<HumanTask>> DoneAsync(CaseActor actor, CancellationToken cancellationToken = default) => engine.Tasks.DoneAsync(actor.Actor, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<TaskCopy>> CopiesAsync(CaseActor actor, CancellationToken cancellationToken = default) => engine.Tasks.CopiesAsync(actor.Actor, cancellationToken);
}
