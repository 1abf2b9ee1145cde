using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Expressions;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Runtime.Forms;
using Decoupling.Engine.Runtime.Tasks;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine;

/// <summary>
/// The engine's public face: deploy definitions, start and cancel instances, correlate messages, run jobs, migrate.
/// Human-task operations are on <see cref="Tasks"/>. Every state change is one step: one transaction.
/// <example>
/// <code>
/// var engine = new WorkflowEngine(new InMemoryEngineStore(), new HandlerDispatcher(handlers));
/// await engine.DeployAsync(File.ReadAllText("item-review.bpmn"), "item-review.bpmn", "admin");
/// var instance = await engine.StartAsync("item-review", "assoc-42", new JsonObject { ["category"] = "资产财务分离" }, Actor.User("li"));
/// var inbox = await engine.Tasks.InboxAsync(Actor.User("wang", "dept:czj"));
/// await engine.Tasks.CompleteAsync(inbox[0].Id, Actor.User("wang", "dept:czj"), "approve", null, "同意");
/// </code>
/// </example>
/// </summary>
public sealed class WorkflowEngine
{
    private readonly IEngineStore store;
    private readonly DefinitionRepository definitions = new();
    private readonly Executor executor;
    private readonly GraphLoader loader;
    private readonly StepRunner steps;

    public WorkflowEngine(
        IEngineStore store,
        IServiceTaskDispatcher dispatcher,
        IExpressionEvaluator? expressions = null,
        IClock? clock = null,
        EngineOptions? options = null,
        IJobScheduler? scheduler = null,
        IEnumerable<IEngineListener>? listeners = null,
        EngineExtensions? extensions = null)
    {
        this.store = store;
        Clock = clock ?? SystemClock.Instance;
        Options = options ?? new EngineOptions();
        Extensions = extensions ?? new EngineExtensions();
        var evaluator = expressions ?? new JintExpressionEvaluator();
        loader = new GraphLoader(definitions);
        executor = new Executor(definitions, evaluator, dispatcher, Options, loader, Extensions);
        steps = new StepRunner(store, Clock, executor, scheduler, listeners?.ToList() ?? []);
        forms = new FormSubmission(evaluator);
        Tasks = new TaskService(new TaskRuntime(store, steps, loader, executor, Clock, Extensions, forms));
        Migration = new MigrationService(store, steps, loader, definitions, executor);
    }

    private readonly FormSubmission forms;

    public IClock Clock { get; }
    public EngineOptions Options { get; }
    public EngineExtensions Extensions { get; }
    public TaskService Tasks { get; }
    public MigrationService Migration { get; }

    // ------------------------------------------------------------ definitions

    /// <summary>
    /// Validates and deploys every executable process of a .bpmn file. A process whose latest version has the same XML
    /// (SHA-256) is left as it is; otherwise it gets the next version. Throws BpmnValidationException listing every error.
    /// </summary>
    public async Task<IReadOnlyList<DeployResult>> DeployAsync(string xml, string resourceName, string? deployedBy,
        CancellationToken cancellationToken = default)
    {
        var document = BpmnParser.Parse(xml, resourceName, Options.Parsing);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var results = new List<DeployResult>();
        var now = Clock.Now;
        var created = new List<EngineJob>();
        await using (var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var process in document.Processes.Where(p => p.IsExecutable))
            {
                var latest = await session.FirstOrDefaultAsync(
                    session.Definitions.Where(d => d.Key == process.Key).OrderByDescending(d => d.Version), cancellationToken).ConfigureAwait(false);
                if (latest is not null && latest.Sha256 == sha)
                {
                    results.Add(new DeployResult(latest.Id, latest.Key, latest.Version, latest.Name, Created: false));
                    continue;
                }

                var record = new DefinitionRecord
                {
                    Id = Guid.NewGuid(),
                    Key = process.Key,
                    Version = (latest?.Version ?? 0) + 1,
                    Name = process.Name,
                    ResourceName = resourceName,
                    Xml = xml,
                    Sha256 = sha,
                    DeployedAt = now,
                    DeployedBy = deployedBy,
                };
                session.Add(record);
                definitions.Cache(record, process);
                created.AddRange(await ReplaceStartTriggersAsync(session, record, process, now, cancellationToken).ConfigureAwait(false));
                results.Add(new DeployResult(record.Id, record.Key, record.Version, record.Name, Created: true));
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var job in created)
        {
            steps.Scheduler?.Schedule(job.Id, job.DueAt);
        }

        return results;
    }

    /// <summary>Timer and message start events belong to the latest version only: the previous version's triggers go.</summary>
    private async Task<List<EngineJob>> ReplaceStartTriggersAsync(IEngineSession session, DefinitionRecord record, ProcessDefinition process,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var old in await session.ListAsync(session.Jobs.Where(j => j.Kind == JobKind.TimerStart && j.InstanceId == null), cancellationToken).ConfigureAwait(false))
        {
            var oldDefinition = await definitions.GetAsync(session, old.DefinitionId!.Value).ConfigureAwait(false);
            if (oldDefinition.Record.Key == record.Key)
            {
                session.Remove(old);
            }
        }

        foreach (var old in await session.ListAsync(session.Subscriptions.Where(s => s.Kind == SubscriptionKind.Start || s.Kind == SubscriptionKind.SignalStart), cancellationToken).ConfigureAwait(false))
        {
            var oldDefinition = await definitions.GetAsync(session, old.DefinitionId!.Value).ConfigureAwait(false);
            if (oldDefinition.Record.Key == record.Key)
            {
                session.Remove(old);
            }
        }

        var jobs = new List<EngineJob>();
        foreach (var start in process.Nodes.Where(n => n.Kind == FlowNodeKind.StartEvent))
        {
            // a signal or message start event listens for the definition, not for an instance
            var listensFor = start.Trigger switch
            {
                EventTrigger.Signal when start.SignalName is not null => (Kind: SubscriptionKind.SignalStart, Name: start.SignalName),
                EventTrigger.Message when start.MessageName is not null => (Kind: SubscriptionKind.Start, Name: start.MessageName),
                _ => ((SubscriptionKind Kind, string Name)?)null,
            };
            if (listensFor is { } subscription)
            {
                session.Add(new MessageSubscription
                {
                    Id = Guid.NewGuid(),
                    Kind = subscription.Kind,
                    MessageName = subscription.Name,
                    DefinitionId = record.Id,
                    ElementId = start.Id,
                    CreatedAt = now,
                });
            }
            else if (start.Trigger == EventTrigger.Timer && start.Timer is not null
                     && TimerStartSchedule.TryFirst(start.Timer, now, Options.TimeZone, out var due, out var remaining, out var interval))
            {
                var job = new EngineJob
                {
                    Id = Guid.NewGuid(),
                    Kind = JobKind.TimerStart,
                    DefinitionId = record.Id,
                    ElementId = start.Id,
                    DueAt = due,
                    RemainingRepeats = remaining,
                    RepeatInterval = interval,
                    Retries = Options.JobRetries,
                    CreatedAt = now,
                };
                session.Add(job);
                jobs.Add(job);
            }
        }

        return jobs;
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(string? key = null, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var query = session.Definitions;
        if (key is not null)
        {
            query = query.Where(d => d.Key == key);
        }

        return await session.ListAsync(query.OrderBy(d => d.Key).ThenBy(d => d.Version), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many running instances each deployed version has (by definition id), of one process or all: a new version
    /// leaves them on theirs, and the designer says so before publishing.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> ActiveInstanceCountsAsync(string? key = null, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var query = session.Instances.Where(i => i.State == InstanceState.Active);
        if (key is not null)
        {
            query = query.Where(i => i.DefinitionKey == key);
        }

        var counts = await session.ListAsync(query.GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() }), cancellationToken)
            .ConfigureAwait(false);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>The parsed model of a deployed version (for viewers and the designer).</summary>
    public async Task<ProcessDefinition> GetProcessAsync(Guid definitionId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return (await definitions.GetAsync(session, definitionId).ConfigureAwait(false)).Process;
    }

    // ------------------------------------------------------------ instances

    /// <summary>
    /// Starts the latest (or the given) version of a process at its none start event; <paramref name="variables"/> are
    /// form variables, checked against the start form (see <see cref="StartRequest"/> for the case's facts).
    /// </summary>
    public Task<ProcessInstance> StartAsync(string key, string? businessKey, JsonObject? variables, Actor actor, int? version = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(new StartRequest(key) { BusinessKey = businessKey, FormVariables = variables, Version = version }, actor, cancellationToken);

    /// <summary>
    /// Starts a process as <paramref name="actor"/>: refused unless the access policy lets them start it; the start
    /// form's values are checked like a task's; the case's facts are laid under them as given.
    /// </summary>
    public Task<ProcessInstance> StartAsync(StartRequest request, Actor actor, CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, async ctx =>
        {
            var key = request.Key;
            var deployed = (request.Version is { } v
                    ? await definitions.FindVersionAsync(ctx.Session, key, v).ConfigureAwait(false)
                    : await definitions.FindLatestAsync(ctx.Session, key, inStep: true).ConfigureAwait(false))
                ?? throw new EngineException(EngineErrors.DefinitionKeyNotFound, key);
            var process = deployed.Process;
            if (!Extensions.AccessPolicy.MayStart(process, actor))
            {
                throw new EngineException(EngineErrors.StartForbidden, process.Name ?? key);
            }

            var start = process.NoneStartOf(null) ?? throw new EngineException(EngineErrors.NoNoneStart, key);
            var facts = request.CaseFacts?.DeepClone() as JsonObject ?? [];
            string? noOutcome = null;
            var values = forms.Check(start, process, ref noOutcome, request.FormVariables, null, facts);
            foreach (var (name, value) in values)
            {
                facts[name] = value?.DeepClone();
            }

            var graph = executor.CreateInstance(ctx, deployed, request.BusinessKey, facts);
            executor.StartAt(ctx, graph, start);
            return graph.Instance;
        }, cancellationToken);

    /// <summary>The start form of a process's latest version (fields with their defaults), for pages and API clients.</summary>
    public async Task<IReadOnlyList<TaskFieldView>> StartFormAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var deployed = await definitions.FindLatestAsync(session, key).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.DefinitionKeyNotFound, key);
        var start = deployed.Process.NoneStartOf(null);
        return start?.Form?.Fields.Select(f => TaskFieldView.Of(f, forms.CurrentValue(f, [], start.Id))).ToList() ?? [];
    }

    /// <summary>The parsed latest version of a process (its properties, starter groups and forms), or null when not deployed.</summary>
    public async Task<ProcessDefinition?> LatestProcessAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return (await definitions.FindLatestAsync(session, key).ConfigureAwait(false))?.Process;
    }

    /// <summary>
    /// Delivers a message: to the oldest waiting catch event, receive task or boundary event with this name (and business
    /// key, when given); otherwise it starts the latest process with a message start event of this name.
    /// Returns the instance that received it.
    /// </summary>
    public Task<ProcessInstance> CorrelateMessageAsync(string messageName, string? businessKey, JsonObject? variables, Actor actor,
        CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, async ctx =>
        {
            var session = ctx.Session;
            var query = session.Subscriptions.Where(s => s.MessageName == messageName && (s.Kind == SubscriptionKind.Catch || s.Kind == SubscriptionKind.Boundary));
            if (businessKey is not null)
            {
                query = query.Where(s => s.BusinessKey == businessKey);
            }

            var waiting = await session.FirstOrDefaultAsync(query.OrderBy(s => s.CreatedAt), cancellationToken).ConfigureAwait(false);
            if (waiting is not null)
            {
                var graph = await loader.LoadAsync(ctx, waiting.InstanceId!.Value).ConfigureAwait(false);
                var subscription = graph.Subscriptions.First(s => s.Id == waiting.Id);
                await executor.DeliverMessageAsync(ctx, graph, subscription, variables).ConfigureAwait(false);
                return graph.Instance;
            }

            var starts = await session.ListAsync(session.Subscriptions.Where(s => s.MessageName == messageName && s.Kind == SubscriptionKind.Start), cancellationToken).ConfigureAwait(false);
            var startSubscription = starts.FirstOrDefault() ?? throw new EngineException(EngineErrors.MessageNotCorrelated, messageName, businessKey);
            var deployed = await definitions.GetAsync(session, startSubscription.DefinitionId!.Value).ConfigureAwait(false);
            var started = executor.CreateInstance(ctx, deployed, businessKey, variables?.DeepClone() as JsonObject);
            executor.StartAt(ctx, started, deployed.Process.GetNode(startSubscription.ElementId));
            return started.Instance;
        }, cancellationToken);

    /// <summary>
    /// Throws a signal from outside (Camunda's signalEventReceived): in one step, every instance waiting for it receives it
    /// once and every process with a signal start event of this name starts once. Returns how many received it.
    /// </summary>
    /// <example><code>var reached = await engine.SignalAsync("政策调整", Actor.User("admin"));</code></example>
    public Task<int> SignalAsync(string signalName, Actor actor, CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, ctx => executor.ThrowSignalAsync(ctx, null, signalName), cancellationToken);

    /// <summary>Delivers a message to one waiting subscription (the simulation answers a receive task or message catch this way).</summary>
    internal Task DeliverToAsync(Guid subscriptionId, JsonObject? variables, Actor actor, CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, async ctx =>
        {
            var found = await ctx.Session.FirstOrDefaultAsync(ctx.Session.Subscriptions.Where(s => s.Id == subscriptionId), cancellationToken).ConfigureAwait(false)
                ?? throw new EngineException(EngineErrors.MessageNotCorrelated, subscriptionId, null);
            var graph = await loader.LoadAsync(ctx, found.InstanceId!.Value).ConfigureAwait(false);
            await executor.DeliverMessageAsync(ctx, graph, graph.Subscriptions.First(s => s.Id == subscriptionId), variables).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Cancels a running instance (its called instances too). Allowed to the starter and to administrators.</summary>
    public Task CancelInstanceAsync(Guid instanceId, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, async ctx =>
        {
            var graph = await loader.LoadAsync(ctx, instanceId).ConfigureAwait(false);
            if (graph.Instance.State != InstanceState.Active)
            {
                throw new EngineException(EngineErrors.InstanceNotActive, instanceId);
            }

            if (!actor.IsAdmin && graph.Instance.StartedBy != actor.UserId)
            {
                throw new EngineException(EngineErrors.CancelForbidden);
            }

            await executor.CancelInstanceAsync(ctx, graph, reason ?? "cancelled").ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task<ProcessInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.FirstOrDefaultAsync(session.Instances.Where(i => i.Id == instanceId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// May <paramref name="actor"/> see the case this instance belongs to (the access policy: its starter, anyone with a
    /// task in it, and whoever the platform lets supervise)? False as well when there is no such instance.
    /// </summary>
    public async Task<bool> MaySeeInstanceAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var instance = await session.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return false;
        }

        var root = instance.RootInstanceId == instance.Id ? instance : await session.FindInstanceAsync(instance.RootInstanceId, cancellationToken).ConfigureAwait(false) ?? instance;
        return Extensions.AccessPolicy.MaySeeCase(root, actor, involved: false)
            || Extensions.AccessPolicy.MaySeeCase(root, actor, await TaskRuntime.IsInvolvedAsync(session, instance, actor, cancellationToken).ConfigureAwait(false));
    }

    public async Task<JsonObject> GetVariablesAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.InstanceNotFound, instanceId);
        return JsonNode.Parse(instance.VariablesJson) as JsonObject ?? [];
    }

    /// <summary>Instances filtered by process key, business key and state, newest first (monitoring lists, case progress).</summary>
    public async Task<IReadOnlyList<ProcessInstance>> ListInstancesAsync(string? key = null, string? businessKey = null, InstanceState? state = null,
        int skip = 0, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var query = session.Instances;
        if (key is not null)
        {
            query = query.Where(i => i.DefinitionKey == key);
        }

        if (businessKey is not null)
        {
            query = query.Where(i => i.BusinessKey == businessKey);
        }

        if (state is { } s)
        {
            query = query.Where(i => i.State == s);
        }

        return await session.ListAsync(query.OrderByDescending(i => i.StartedAt).Skip(skip).Take(take), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The journal of an instance tree (the instance and every instance it called), in order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid rootInstanceId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Journal.Where(j => j.RootInstanceId == rootInstanceId).OrderBy(j => j.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Element ids where the instance's tokens are now (tasks, waiting events, scopes).</summary>
    public async Task<IReadOnlyList<Execution>> GetExecutionsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Executions.Where(e => e.InstanceId == instanceId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The overlay data of the instance viewer for one instance (its own diagram): completed counts from the journal,
    /// active elements from the tokens, overdue open tasks, open incidents.
    /// </summary>
    public async Task<InstanceDiagram> GetDiagramAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var instance = await session.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.InstanceNotFound, instanceId);
        var deployed = await definitions.GetAsync(session, instance.DefinitionId).ConfigureAwait(false);
        var rows = await session.LoadInstanceRowsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var completed = (await session.ListAsync(session.Journal
                .Where(j => j.InstanceId == instanceId && (j.Kind == Executor.JournalCompleted || j.Kind == "multi-instance-completed") && j.ElementId != null)
                .Select(j => j.ElementId!), cancellationToken).ConfigureAwait(false))
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var now = Clock.Now;
        return new InstanceDiagram(
            instance.Id,
            instance.DefinitionKey,
            instance.DefinitionVersion,
            deployed.Record.Xml,
            completed,
            rows.Executions.Select(e => e.ElementId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            rows.Tasks.Where(t => t.State == HumanTaskState.Open && t.DueAt < now).Select(t => t.ElementId).Distinct(StringComparer.Ordinal).ToList(),
            rows.OpenIncidents.Select(i => new InstanceDiagramIncident(i.Id, i.ElementId, i.Code, i.Message)).ToList());
    }

    /// <summary>
    /// Changes process variables of a running instance (an administrator's repair, e.g. before retrying an incident);
    /// journaled with the old and new values.
    /// </summary>
    public Task SetVariablesAsync(Guid instanceId, JsonObject variables, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, async ctx =>
        {
            if (!actor.IsAdmin)
            {
                throw new EngineException(EngineErrors.VariablesForbidden);
            }

            var graph = await loader.LoadAsync(ctx, instanceId).ConfigureAwait(false);
            if (graph.Instance.State != InstanceState.Active)
            {
                throw new EngineException(EngineErrors.InstanceNotActive, instanceId);
            }

            var before = new JsonObject();
            foreach (var (name, _) in variables)
            {
                before[name] = graph.Variables[name]?.DeepClone();
            }

            Executor.SetVariables(graph, null, variables);
            ctx.Journal(graph, "variables-changed", null, comment: comment,
                dataJson: new JsonObject { ["before"] = before, ["after"] = variables.DeepClone() }.ToJsonString());
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<Incident>> OpenIncidentsAsync(Guid? instanceId = null, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var query = session.Incidents.Where(i => i.ResolvedAt == null);
        if (instanceId is { } id)
        {
            query = query.Where(i => i.InstanceId == id);
        }

        return await session.ListAsync(query, cancellationToken).ConfigureAwait(false);
    }

    // ------------------------------------------------------------ jobs

    /// <summary>
    /// Runs one job if it is still there and due. Returns false when another runner already did it (or it is not due):
    /// running the same job twice, or on two hosts at once, changes nothing the second time.
    /// </summary>
    public async Task<bool> ExecuteJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await steps.RunAsync(Actor.System, async ctx =>
            {
                var found = await ctx.Session.FirstOrDefaultAsync(ctx.Session.Jobs.Where(j => j.Id == jobId), cancellationToken).ConfigureAwait(false);
                if (found is null || found.HasIncident || found.DueAt > ctx.Now)
                {
                    return false;
                }

                if (found.Kind == JobKind.TimerStart)
                {
                    await FireTimerStartAsync(ctx, found).ConfigureAwait(false);
                    return true;
                }

                var graph = await loader.LoadAsync(ctx, found.InstanceId!.Value).ConfigureAwait(false);
                var job = graph.Jobs.First(j => j.Id == jobId);
                if (graph.Instance.State != InstanceState.Active)
                {
                    Executor.RemoveJob(ctx, graph, job);
                    return false;
                }

                if (job.Kind == JobKind.Timer)
                {
                    await executor.FireTimerAsync(ctx, graph, job).ConfigureAwait(false);
                    return true;
                }

                var execution = job.ExecutionId is { } id ? graph.FindExecution(id) : null;
                if (execution is null)
                {
                    Executor.RemoveJob(ctx, graph, job);
                    return false;
                }

                var node = graph.Deployed.Process.GetNode(job.ElementId);
                if (node.Kind is FlowNodeKind.ServiceTask or FlowNodeKind.SendTask or FlowNodeKind.EndEvent or FlowNodeKind.IntermediateThrowEvent
                    && job.LastError is not null)
                {
                    executor.Schedule(ctx, graph, execution, node, () => executor.RunServiceAsync(ctx, graph, execution, node, job));
                }
                else
                {
                    Executor.RemoveJob(ctx, graph, job);
                    executor.Schedule(ctx, graph, execution, node, () => executor.EnterAsync(ctx, graph, execution, node, null, resumingAsync: true));
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineConflictException)
        {
            return false;
        }
    }

    private async Task FireTimerStartAsync(StepContext ctx, EngineJob job)
    {
        var deployed = await definitions.GetAsync(ctx.Session, job.DefinitionId!.Value).ConfigureAwait(false);
        if (job.RepeatInterval is not null && job.RemainingRepeats is not (<= 0) && IsoTimer.TryParseDuration(job.RepeatInterval, out var every))
        {
            job.DueAt = every.AddTo(job.DueAt);
            job.RemainingRepeats -= 1;
            ctx.NewJobs.Add(job);
        }
        else
        {
            ctx.Session.Remove(job);
        }

        var graph = executor.CreateInstance(ctx, deployed, null, null);
        executor.StartAt(ctx, graph, deployed.Process.GetNode(job.ElementId));
    }

    /// <summary>When a job is due; null when it is gone (done) or stopped by an incident.</summary>
    public async Task<DateTimeOffset?> JobDueAtAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var job = await session.FirstOrDefaultAsync(session.Jobs.Where(j => j.Id == jobId && !j.HasIncident), cancellationToken).ConfigureAwait(false);
        return job?.DueAt;
    }

    /// <summary>Runs every job due now (oldest first), up to <paramref name="max"/>; returns how many ran.</summary>
    public async Task<int> RunDueJobsAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var ran = 0;
        foreach (var (id, _) in await PendingJobsAsync(Clock.Now, max, cancellationToken).ConfigureAwait(false))
        {
            if (await ExecuteJobAsync(id, cancellationToken).ConfigureAwait(false))
            {
                ran++;
            }
        }

        return ran;
    }

    /// <summary>Jobs without incident due by <paramref name="dueBy"/> (all when null): what an executor must (re)schedule at start.</summary>
    public async Task<IReadOnlyList<(Guid Id, DateTimeOffset DueAt)>> PendingJobsAsync(DateTimeOffset? dueBy = null, int max = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var query = session.Jobs.Where(j => !j.HasIncident);
        if (dueBy is { } by)
        {
            query = query.Where(j => j.DueAt <= by);
        }

        var jobs = await session.ListAsync(query.OrderBy(j => j.DueAt).Take(max), cancellationToken).ConfigureAwait(false);
        return jobs.Select(j => (j.Id, j.DueAt)).ToList();
    }

    /// <summary>Resolves an incident and tries again: a failed job gets one more attempt now; an expression failure re-runs its node.</summary>
    public Task RetryIncidentAsync(Guid incidentId, Actor actor, CancellationToken cancellationToken = default) =>
        steps.RunAsync(actor, async ctx =>
        {
            if (!actor.IsAdmin)
            {
                throw new EngineException(EngineErrors.RetryForbidden);
            }

            var found = await ctx.Session.FirstOrDefaultAsync(ctx.Session.Incidents.Where(i => i.Id == incidentId), cancellationToken).ConfigureAwait(false)
                ?? throw new EngineException(EngineErrors.IncidentNotFound, incidentId);
            var graph = await loader.LoadAsync(ctx, found.InstanceId).ConfigureAwait(false);
            var incident = graph.Incidents.FirstOrDefault(i => i.Id == incidentId) ?? throw new EngineException(EngineErrors.IncidentNotFound, incidentId);
            incident.ResolvedAt = ctx.Now;
            incident.ResolvedBy = actor.UserId;
            ctx.Journal(graph, "incident-retried", incident.ElementId, comment: incident.Code);
            if (incident.JobId is { } jobId && graph.Jobs.FirstOrDefault(j => j.Id == jobId) is { } job)
            {
                job.HasIncident = false;
                job.Retries = 1;
                job.DueAt = ctx.Now;
                ctx.NewJobs.Add(job);
            }
            else if (incident.ExecutionId is { } executionId && graph.FindExecution(executionId) is { } execution)
            {
                // a failed condition on an activity's outgoing flow is retried by leaving again (not by redoing the
                // activity, which would create its task twice); anything else re-runs the node
                var node = graph.Deployed.Process.GetNode(execution.ElementId);
                var failedOnFlow = graph.Deployed.Process.FlowsById.ContainsKey(incident.ElementId);
                executor.Schedule(ctx, graph, execution, node, failedOnFlow && !node.IsGateway
                    ? () => executor.LeaveAsync(ctx, graph, execution, node)
                    : () => executor.ExecuteAsync(ctx, graph, execution, node));
            }

            return true;
        }, cancellationToken);
}
