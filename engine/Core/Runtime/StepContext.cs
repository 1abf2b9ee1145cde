using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// One step: one session, one transaction. Holds the instances loaded so far (a call activity's parent and child commit
/// together), the agenda of pending token moves, and what must be announced after the commit.
/// </summary>
internal sealed class StepContext(IEngineSession session, DateTimeOffset now, Actor actor)
{
    private readonly Dictionary<Guid, InstanceGraph> graphs = [];
    private int journalSequence;

    public IEngineSession Session { get; } = session;
    public DateTimeOffset Now { get; } = now;
    public Actor Actor { get; } = actor;
    public Queue<Func<Task>> Agenda { get; } = new();
    public List<EngineJob> NewJobs { get; } = [];
    public List<HumanTask> NewTasks { get; } = [];
    public List<Incident> NewIncidents { get; } = [];
    public List<ProcessInstance> EndedInstances { get; } = [];
    public List<Action<IEngineListener>> Announcements { get; } = [];

    /// <summary>Executions created in this step (withdraw needs to know what a completion produced).</summary>
    public List<Execution> CreatedExecutions { get; } = [];

    /// <summary>True once the step ran anything with side effects outside the engine (handlers, call activities).</summary>
    public bool HadSideEffects { get; set; }

    public IEnumerable<InstanceGraph> Graphs => graphs.Values;

    public InstanceGraph? Loaded(Guid instanceId) => graphs.GetValueOrDefault(instanceId);

    public void Track(InstanceGraph graph)
    {
        if (graphs.TryAdd(graph.Instance.Id, graph))
        {
            graph.Instance.StepCount++;
            graph.Instance.Revision++;
        }
    }

    public long StepOf(InstanceGraph graph) => graph.Instance.StepCount;

    /// <summary>Work to do once the agenda has drained, before the commit (e.g. recording what a completion produced).</summary>
    public List<Action> AfterDrain { get; } = [];

    public int Moves { get; set; }

    /// <summary>Conditional subscriptions made in this step: evaluated once before the step ends, whatever the variables did.</summary>
    public HashSet<Guid> NewConditionals { get; } = [];

    /// <summary>Conditional subscriptions that fired in this step (a non-interrupting one fires at most once per step).</summary>
    public HashSet<Guid> FiredConditionals { get; } = [];

    public JournalEntry Journal(InstanceGraph graph, string kind, string? elementId, string? elementName = null, Guid? taskId = null,
        string? comment = null, string? dataJson = null, string? actor = null)
    {
        var entry = new JournalEntry
        {
            InstanceId = graph.Instance.Id,
            RootInstanceId = graph.Instance.RootInstanceId,
            Step = graph.Instance.StepCount,
            Sequence = ++journalSequence,
            At = Now,
            Kind = kind,
            ElementId = elementId,
            ElementName = elementName,
            TaskId = taskId,
            Actor = actor ?? Actor.UserId,
            Comment = comment,
            DataJson = dataJson,
        };
        Session.Add(entry);
        return entry;
    }

    public async Task DrainAsync()
    {
        while (Agenda.Count > 0)
        {
            await Agenda.Dequeue()().ConfigureAwait(false);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var graph in graphs.Values)
        {
            graph.FlushVariables();
        }

        await Session.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
