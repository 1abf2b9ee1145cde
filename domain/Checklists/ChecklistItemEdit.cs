namespace Decoupling.Domain.Checklists;

/// <summary>The columns the association fills in for one item; status and opinion change elsewhere.</summary>
public sealed record ChecklistItemEdit(
    string? SituationBefore,
    string? SeparationMeasure,
    DateOnly? Deadline,
    string? ResponsibleUnit,
    string? ResponsiblePerson,
    IReadOnlyList<string>? ReviewingDepartmentCodes = null,
    bool? NotApplicable = null,
    string? NotApplicableReason = null);
