using Decoupling.Engine.Access;
using Decoupling.Engine.Listeners;

namespace Decoupling.Engine.Services;

/// <summary>What a platform plugs into the engine: its access rules, its people, its completion checks, its calendar.</summary>
public sealed class EngineExtensions
{
    public IAccessPolicy AccessPolicy { get; init; } = DefaultAccessPolicy.Instance;

    public IActorDirectory? Directory { get; init; }

    public IReadOnlyList<ITaskListener> TaskListeners { get; init; } = [];

    public IDueDateCalculator? DueDates { get; init; }
}
