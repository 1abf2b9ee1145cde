using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Runtime.Tasks;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// The human-task inbox and the operations of Chinese approval systems: claim, complete, return (退回), withdraw (撤回),
/// transfer (转办), delegate (委派), add/remove signer (加签/减签), copy (抄送), urge (催办). Each operation is one step
/// (one command class in Runtime/Tasks), journaled with actor, time and comment, checked against the task's form and
/// the access policy, and refused with a stable code when not allowed. Rules: doc/adr/0003-return-and-withdraw.md.
/// </summary>
public sealed class TaskService
{
    private readonly TaskQueries queries;
    private readonly TaskDetailsQuery details;
    private readonly ClaimCommand claim;
    private readonly CompleteCommand complete;
    private readonly ReturnCommand returns;
    private readonly WithdrawCommand withdraw;
    private readonly HandOverCommands handOver;
    private readonly SignerCommands signers;
    private readonly NoticeCommands notices;

    internal TaskService(TaskRuntime runtime)
    {
        queries = new TaskQueries(runtime);
        claim = new ClaimCommand(runtime);
        complete = new CompleteCommand(runtime);
        returns = new ReturnCommand(runtime);
        withdraw = new WithdrawCommand(runtime);
        handOver = new HandOverCommands(runtime);
        signers = new SignerCommands(runtime);
        notices = new NoticeCommands(runtime);
        details = new TaskDetailsQuery(runtime, notices);
    }

    // ------------------------------------------------------------ queries

    /// <summary>Open tasks the actor can work: assigned to them, or unassigned with them or one of their groups as candidate.</summary>
    public Task<IReadOnlyList<HumanTask>> InboxAsync(Actor actor, int skip = 0, int take = 200, CancellationToken cancellationToken = default) =>
        queries.InboxAsync(actor, skip, take, cancellationToken);

    public Task<int> InboxCountAsync(Actor actor, CancellationToken cancellationToken = default) => queries.InboxCountAsync(actor, cancellationToken);

    /// <summary>Every open task of the district (the leading group's supervision view), oldest first.</summary>
    public Task<IReadOnlyList<HumanTask>> AllOpenAsync(int take = 5000, CancellationToken cancellationToken = default) =>
        queries.AllOpenAsync(take, cancellationToken);

    /// <summary>Open tasks whose due time has passed, oldest due first (the overdue scan reminds and escalates them).</summary>
    public Task<IReadOnlyList<HumanTask>> OverdueAsync(DateTimeOffset now, int take = 500, CancellationToken cancellationToken = default) =>
        queries.OverdueAsync(now, take, cancellationToken);

    /// <summary>已办: tasks the actor completed.</summary>
    public Task<IReadOnlyList<HumanTask>> DoneAsync(Actor actor, int take = 200, CancellationToken cancellationToken = default) =>
        queries.DoneAsync(actor, take, cancellationToken);

    /// <summary>抄送我的.</summary>
    public Task<IReadOnlyList<TaskCopy>> CopiesAsync(Actor actor, CancellationToken cancellationToken = default) => queries.CopiesAsync(actor, cancellationToken);

    /// <summary>A task without any access check (jobs and the engine's own callers); people go through <see cref="DetailsAsync"/>.</summary>
    public Task<HumanTask?> GetAsync(Guid taskId, CancellationToken cancellationToken = default) => queries.GetAsync(taskId, cancellationToken);

    /// <summary>A task as <paramref name="actor"/> may see it: form with values, outcomes, allowed operations; not found when hidden.</summary>
    public Task<TaskDetails> DetailsAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        details.GetAsync(taskId, actor, cancellationToken);

    /// <summary>Of <paramref name="people"/>, those the task may be handed to by <paramref name="kind"/> (for pickers).</summary>
    public Task<IReadOnlyList<Actor>> ReceiversAsync(Guid taskId, IReadOnlyList<Actor> people, Access.HandOver kind, CancellationToken cancellationToken = default) =>
        details.ReceiversAsync(taskId, people, kind, cancellationToken);

    /// <summary>Tasks of an instance tree, open and finished (the task page's timeline).</summary>
    public Task<IReadOnlyList<HumanTask>> OfInstanceAsync(Guid rootInstanceId, CancellationToken cancellationToken = default) =>
        queries.OfInstanceAsync(rootInstanceId, cancellationToken);

    /// <summary>The inbox filter as a translatable predicate (the inbox benchmark and monitoring queries use it).</summary>
    public static Expression<Func<HumanTask, bool>> VisibleTo(Actor actor) => TaskQueries.InboxOf(actor);

    // ------------------------------------------------------------ operations

    public Task ClaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) => claim.ClaimAsync(taskId, actor, cancellationToken);

    public Task UnclaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) => claim.UnclaimAsync(taskId, actor, cancellationToken);

    /// <summary>Completes a task with an outcome, form values and a comment (see <see cref="CompleteCommand"/>).</summary>
    public Task CompleteAsync(Guid taskId, Actor actor, string? outcome, JsonObject? variables, string? comment,
        CancellationToken cancellationToken = default) =>
        complete.CompleteAsync(taskId, actor, outcome, variables, comment, cancellationToken);

    /// <summary>Where this task may be returned to (nearest first); empty when the node does not allow returning.</summary>
    public Task<IReadOnlyList<ReturnTarget>> ReturnTargetsAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        returns.TargetsAsync(taskId, cancellationToken);

    public Task ReturnAsync(Guid taskId, string targetElementId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        returns.ReturnAsync(taskId, targetElementId, actor, comment, cancellationToken);

    public Task WithdrawAsync(Guid completedTaskId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        withdraw.WithdrawAsync(completedTaskId, actor, comment, cancellationToken);

    /// <summary>转办: the task changes hands for good.</summary>
    public Task TransferAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        handOver.TransferAsync(taskId, actor, toUser, comment, cancellationToken);

    /// <summary>委派: the delegate works the task; completing it returns it to the owner, who then completes it.</summary>
    public Task DelegateAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        handOver.DelegateAsync(taskId, actor, toUser, comment, cancellationToken);

    /// <summary>加签: before (the assignee waits for them) or after (they sign once the assignee has completed).</summary>
    public Task<IReadOnlyList<HumanTask>> AddSignersAsync(Guid taskId, Actor actor, IReadOnlyList<string> users, SignerPosition position,
        string? comment, CancellationToken cancellationToken = default) =>
        signers.AddAsync(taskId, actor, users, position, comment, cancellationToken);

    /// <summary>减签: removes a signer who has not signed yet; by whoever added them or the task's assignee.</summary>
    public Task RemoveSignerAsync(Guid signerTaskId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        signers.RemoveAsync(signerTaskId, actor, comment, cancellationToken);

    /// <summary>抄送: read-only notices to people the task may be shown to.</summary>
    public Task CopyAsync(Guid taskId, Actor actor, IReadOnlyList<string> recipients, string? comment, CancellationToken cancellationToken = default) =>
        notices.CopyAsync(taskId, actor, recipients, comment, cancellationToken);

    /// <summary>催办: by someone waiting on the task (starter, earlier actor, supervisor), at most once per ten minutes.</summary>
    public Task UrgeAsync(Guid taskId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        notices.UrgeAsync(taskId, actor, comment, cancellationToken);
}
