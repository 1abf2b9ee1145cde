using Decoupling.Domain.Checklists;

namespace Decoupling.Domain.Seeding;

/// <summary>One entry of seed/routing.json; "@supervisory" stands for the association's supervisory unit.</summary>
public sealed record RoutingSeed(SeparationCategory Category, string? ItemCode, string? Keyword, List<string> DepartmentCodes, string? Note);
