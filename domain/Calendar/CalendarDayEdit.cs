namespace Decoupling.Domain.Calendar;

/// <summary>An administrator's entry for one day of the calendar; every field optional so missing ones get a named error.</summary>
public sealed record CalendarDayEdit(DateOnly? Date, CalendarDayKind? Kind, string? Name);
