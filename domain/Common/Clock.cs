namespace Decoupling.Domain.Common;

/// <summary>
/// Timestamps the domain stores: UTC (PostgreSQL's timestamptz refuses other offsets) and cut to whole milliseconds,
/// so a value read back from either provider is identical to the one hashed into the audit chain.
/// </summary>
public static class Clock
{
    public static DateTimeOffset Now(TimeProvider time) => Normalize(time.GetUtcNow());

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
