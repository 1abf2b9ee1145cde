namespace Decoupling.Engine.Services;

public sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new();

    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}
