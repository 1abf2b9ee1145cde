namespace Decoupling.Engine.Services;

/// <summary>A clock that only moves when told to: simulations jump it to the next due timer.</summary>
public sealed class VirtualClock(DateTimeOffset start) : IClock
{
    public DateTimeOffset Now { get; private set; } = start;

    public void Advance(TimeSpan by) => Now = Now.Add(by);

    public void MoveTo(DateTimeOffset to)
    {
        if (to > Now)
        {
            Now = to;
        }
    }
}
