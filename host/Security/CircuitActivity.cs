namespace Decoupling.Host.Security;

/// <summary>When the person behind one Blazor circuit last did something (clicked, typed); one per circuit.</summary>
public sealed class CircuitActivity(TimeProvider time)
{
    private long lastTicks = time.GetUtcNow().UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref lastTicks), TimeSpan.Zero);

    /// <summary>Set once the circuit was ended for idleness, so the sign-in redirect also ends the cookie session.</summary>
    public bool EndedForIdleness { get; set; }

    public void Touch() => Interlocked.Exchange(ref lastTicks, time.GetUtcNow().UtcTicks);

    public TimeSpan IdleFor => time.GetUtcNow() - Last;
}
