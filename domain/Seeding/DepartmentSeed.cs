using Decoupling.Domain.Departments;

namespace Decoupling.Domain.Seeding;

/// <summary>One entry of seed/departments.json.</summary>
public sealed record DepartmentSeed(string Code, string Name, string? ShortName, DepartmentKind Kind, string? DocumentNumberPrefix);
