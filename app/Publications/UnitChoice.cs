namespace Decoupling.Application.Publications;

/// <summary>A supervisory unit the office may address a publication to, by its everyday name.</summary>
public sealed record UnitChoice(Guid Id, string Name);
