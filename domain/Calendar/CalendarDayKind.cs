namespace Decoupling.Domain.Calendar;

/// <summary>An exception to the Monday–Friday week: a holiday on a weekday, or a weekend day worked in exchange (调休).</summary>
public enum CalendarDayKind
{
    Holiday,
    MakeUpWorkday,
}
