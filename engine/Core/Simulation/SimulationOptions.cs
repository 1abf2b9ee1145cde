namespace Decoupling.Engine.Simulation;

/// <summary>Bounds of a simulation, so a model that loops or repeats a reminder forever still ends.</summary>
public sealed class SimulationOptions
{
    /// <summary>Timers due later than this after the start are not waited for.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(366);

    /// <summary>Task completions plus job runs plus clock jumps.</summary>
    public int MaxMoves { get; init; } = 10_000;
}
