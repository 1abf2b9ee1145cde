namespace Decoupling.Domain.Seeding;

/// <summary>How many rows each seeding step added (all zero on a second run).</summary>
public sealed record SeedReport(int Departments, int RoutingRules, int CalendarDays, int Templates, int Associations);
