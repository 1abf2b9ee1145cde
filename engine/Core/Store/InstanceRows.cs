using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Store;

/// <summary>The rows of one instance that a step loads: executions, all tasks, jobs, subscriptions and open incidents.</summary>
public sealed record InstanceRows(
    List<Execution> Executions,
    List<HumanTask> Tasks,
    List<EngineJob> Jobs,
    List<MessageSubscription> Subscriptions,
    List<Incident> OpenIncidents);
