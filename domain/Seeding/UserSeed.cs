namespace Decoupling.Domain.Seeding;

/// <summary>One demo account of seed/users.json: a department code or an association name places the user.</summary>
public sealed record UserSeed(string UserName, string DisplayName, string Role, string? DepartmentCode, string? AssociationName);
