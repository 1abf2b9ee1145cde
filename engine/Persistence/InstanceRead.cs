using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// An instance row read together with whether it has any jobs, message subscriptions or open incidents: most steps find
/// none of them, and knowing it from the same query spares up to three reads of empty tables.
/// </summary>
internal sealed record InstanceRead(ProcessInstance Instance, bool HasJobs, bool HasSubscriptions, bool HasOpenIncidents);
