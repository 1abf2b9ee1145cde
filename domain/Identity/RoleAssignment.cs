namespace Decoupling.Domain.Identity;

/// <summary>What the security administrator submits: the account's one role and the unit it acts for.</summary>
public sealed record RoleAssignment(string? Role, Guid? DepartmentId, Guid? AssociationId);
