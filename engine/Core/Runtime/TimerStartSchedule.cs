using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;

namespace Decoupling.Engine.Runtime;

/// <summary>When a timer start event first fires: a date, a duration from deployment, or a cycle's first repetition.</summary>
internal static class TimerStartSchedule
{
    public static bool TryFirst(TimerDefinition timer, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset due, out int? remaining, out string? interval)
    {
        remaining = null;
        interval = null;
        due = default;
        switch (timer.Kind)
        {
            case TimerKind.Date when IsoTimer.TryParseDate(timer.Expression, zone, out var date):
                due = date;
                return true;
            case TimerKind.Duration when IsoTimer.TryParseDuration(timer.Expression, out var duration):
                due = duration.AddTo(now);
                return true;
            case TimerKind.Cycle when IsoTimer.TryParseCycle(timer.Expression, out var repetitions, out var start, out var every):
                due = start is { } s && s > now ? s : every.AddTo(now);
                remaining = repetitions is { } r ? r - 1 : null;
                interval = every.ToString();
                return true;
            default:
                return false;
        }
    }
}
