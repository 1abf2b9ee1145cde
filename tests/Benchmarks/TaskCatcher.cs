using System.Collections.Concurrent;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Benchmarks;

/// <summary>Hands the harness the task each instance created (as a host's notifier would learn of it), instead of querying.</summary>
internal sealed class TaskCatcher : IEngineListener
{
    private static readonly ConcurrentDictionary<Guid, Guid> Tasks = new();

    public static TaskCatcher Instance { get; } = new();

    public static Guid Take(Guid instanceId) => Tasks.TryRemove(instanceId, out var task) ? task : throw new InvalidOperationException("no task");

    public void TaskCreated(HumanTask task) => Tasks[task.InstanceId] = task.Id;
}
