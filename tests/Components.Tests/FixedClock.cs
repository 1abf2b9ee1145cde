using Decoupling.Engine.Services;

namespace Decoupling.Components.Tests;

/// <summary>A clock the test sets, so "overdue" and "due soon" do not depend on when the test runs.</summary>
public sealed class FixedClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset Now { get; set; } = now;
}
