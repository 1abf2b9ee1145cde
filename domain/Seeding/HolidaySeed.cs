using Decoupling.Domain.Calendar;

namespace Decoupling.Domain.Seeding;

/// <summary>One entry of seed/holidays-2026.json.</summary>
public sealed record HolidaySeed(DateOnly Date, CalendarDayKind Kind, string Name);
