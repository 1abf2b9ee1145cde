namespace Decoupling.Domain.Checklists;

/// <summary>One checklist row read from a spreadsheet (template or association checklist).</summary>
public sealed record ChecklistRow(
    int RowNumber,
    int Number,
    SeparationCategory Category,
    string? ItemCode,
    string Title,
    string? SituationBefore,
    string? SeparationMeasure,
    DateOnly? Deadline,
    string? ResponsibleUnit,
    string? ResponsiblePerson,
    IReadOnlyList<string> ReviewingDepartments);
