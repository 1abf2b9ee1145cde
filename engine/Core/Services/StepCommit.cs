namespace Decoupling.Engine.Services;

/// <summary>
/// A step about to commit, as <see cref="IEngineListener.StepCommittingAsync"/> sees it: its open transaction (what
/// a listener writes on it commits with the step or not at all — an outbox) and its events, replayed to any listener.
/// </summary>
public sealed class StepCommit
{
    private readonly Func<object?> transaction;
    private readonly Action<IEngineListener> replay;

    internal StepCommit(Func<object?> transaction, DateTimeOffset now, Action<IEngineListener> replay)
    {
        this.transaction = transaction;
        this.replay = replay;
        Now = now;
    }

    /// <summary>The store's open transaction (a DbTransaction for EF stores, null in memory); begun on first read.</summary>
    public object? Transaction => transaction();

    public DateTimeOffset Now { get; }

    /// <summary>Calls the listener's event methods for what this step will announce once committed.</summary>
    public void Replay(IEngineListener listener) => replay(listener);
}
