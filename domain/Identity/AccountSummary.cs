namespace Decoupling.Domain.Identity;

/// <summary>An account as the administrators' lists show it.</summary>
public sealed record AccountSummary(
    string Id, string UserName, string DisplayName, Guid? DepartmentId, Guid? AssociationId,
    IReadOnlyList<string> Roles, bool Locked, bool SecondFactorEnrolled);
