using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Runtime.Forms;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// What every task command shares: running an operation as one step on the task's instance, and the checks each
/// operation starts with (the task is visible to the actor, open, and the actor may work it). A task the actor may not
/// see is answered exactly like a task that does not exist.
/// </summary>
internal sealed class TaskRuntime(IEngineStore store, StepRunner steps, GraphLoader loader, Executor executor, IClock clock,
    EngineExtensions extensions, FormSubmission forms)
{
    public IEngineStore Store { get; } = store;
    public StepRunner Steps { get; } = steps;
    public GraphLoader Loader { get; } = loader;
    public Executor Executor { get; } = executor;
    public IClock Clock { get; } = clock;
    public EngineExtensions Extensions { get; } = extensions;
    public IAccessPolicy Policy => Extensions.AccessPolicy;
    public FormSubmission Forms { get; } = forms;

    public Task OnTaskAsync(Guid taskId, Actor actor, Func<StepContext, InstanceGraph, HumanTask, Task> operation, CancellationToken cancellationToken) =>
        OnTaskAsync<bool>(taskId, actor, async (ctx, graph, task) =>
        {
            await operation(ctx, graph, task).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<T> OnTaskAsync<T>(Guid taskId, Actor actor, Func<StepContext, InstanceGraph, HumanTask, Task<T>> operation,
        CancellationToken cancellationToken) =>
        Steps.RunAsync(actor, async ctx =>
        {
            var instance = await ctx.Session.FindInstanceOfTaskAsync(taskId, cancellationToken).ConfigureAwait(false)
                ?? throw new EngineException(EngineErrors.TaskNotFound, taskId);
            var graph = await Loader.LoadAsync(ctx, instance).ConfigureAwait(false);
            var task = graph.Tasks.First(t => t.Id == taskId);
            if (!await MaySeeAsync(ctx, graph, task, actor, cancellationToken).ConfigureAwait(false))
            {
                throw new EngineException(EngineErrors.TaskNotFound, taskId);
            }

            if (graph.Instance.State != InstanceState.Active)
            {
                throw new EngineException(EngineErrors.InstanceNotActive, graph.Instance.Id);
            }

            return await operation(ctx, graph, task).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The policy's visibility rule; whether the actor is involved in the case is read only when it matters.</summary>
    public async Task<bool> MaySeeAsync(StepContext ctx, InstanceGraph graph, HumanTask task, Actor actor, CancellationToken cancellationToken) =>
        Policy.MaySee(task, actor, involved: false)
        || Policy.MaySee(task, actor, await IsInvolvedAsync(ctx.Session, graph.Instance, actor, cancellationToken).ConfigureAwait(false));

    /// <summary>Started the case (the root instance) or is a party (assignee, owner, completer, candidate) of any task in its tree.</summary>
    public static async Task<bool> IsInvolvedAsync(IEngineSession session, ProcessInstance instance, Actor actor, CancellationToken cancellationToken)
    {
        if (instance.StartedBy == actor.UserId)
        {
            return true;
        }

        var root = instance.RootInstanceId;
        var user = actor.UserId;
        if (root != instance.Id && await session.CountAsync(session.Instances.Where(i => i.Id == root && i.StartedBy == user), cancellationToken).ConfigureAwait(false) > 0)
        {
            return true;
        }

        var tasks = await session.ListAsync(session.Tasks.Where(t => t.RootInstanceId == root), cancellationToken).ConfigureAwait(false);
        return tasks.Any(t => TaskAccess.IsParty(t, actor));
    }

    public static Execution ExecutionOf(InstanceGraph graph, HumanTask task) =>
        (task.ExecutionId is { } id ? graph.FindExecution(id) : null) ?? throw new EngineException(EngineErrors.TaskNotActive, task.Id);

    public static void RequireOpen(HumanTask task)
    {
        if (task.State != HumanTaskState.Open)
        {
            throw new EngineException(EngineErrors.TaskNotActive, task.Name ?? task.ElementId);
        }
    }

    /// <summary>Only someone the policy lets work the task.</summary>
    public void RequireWorker(HumanTask task, Actor actor)
    {
        if (!Policy.MayWork(task, actor))
        {
            throw new EngineException(EngineErrors.TaskForbidden);
        }
    }

    /// <summary>
    /// An unassigned task is claimed by the candidate who acts on it. Called once every check has passed: a refused
    /// operation must not leave the task claimed (the in-memory store shares its objects with the step).
    /// </summary>
    public static void TakeIfUnassigned(HumanTask task, Actor actor, StepContext ctx)
    {
        if (task.Assignee is null && !actor.IsAdmin)
        {
            task.Assignee = actor.UserId;
            task.ClaimedAt = ctx.Now;
        }
    }

    /// <summary>
    /// The person a task is handed to, checked: they exist, they are not the current assignee, and the policy lets the
    /// task go to them. Without a directory (the engine alone) the name is taken as given.
    /// </summary>
    public async Task RequireTargetAsync(InstanceGraph graph, HumanTask task, string toUser, HandOver kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(toUser) || (kind != HandOver.Copy && toUser == task.Assignee))
        {
            throw new EngineException(EngineErrors.TargetUserInvalid, toUser);
        }

        if (Extensions.Directory is not { } directory)
        {
            return;
        }

        var target = await directory.FindAsync(toUser, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.TargetUserInvalid, toUser);
        var node = graph.Deployed.Process.GetNode(task.ElementId);
        if (!Policy.MayReceive(task, node, target, kind))
        {
            throw new EngineException(EngineErrors.TargetNotEligible, toUser, task.Name ?? task.ElementId, HandOverName(kind));
        }
    }

    private static string HandOverName(HandOver kind) => kind switch
    {
        HandOver.Transfer => "转办",
        HandOver.Delegate => "委派",
        HandOver.AddSigner => "加签",
        _ => "抄送",
    };

    public DateTimeOffset Now => Clock.Now;
}
