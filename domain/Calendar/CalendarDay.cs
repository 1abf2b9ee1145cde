namespace Decoupling.Domain.Calendar;

/// <summary>One admin-editable calendar exception; days not listed follow the Monday–Friday week.</summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = "";
}
