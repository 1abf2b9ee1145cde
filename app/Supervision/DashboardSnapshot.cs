using Decoupling.Domain.Checklists;
using Decoupling.Domain.Register;
using Decoupling.Engine.Entities;

namespace Decoupling.Application.Supervision;

/// <summary>What the leading group's dashboard shows, computed once from the records.</summary>
public sealed record DashboardSnapshot(
    IReadOnlyList<Association> Associations,
    IReadOnlyDictionary<Guid, string> UnitNames,
    IReadOnlyList<(SeparationCategory Category, ChecklistItemStatus Status)> Items,
    int Matters,
    int ZeroVisitMatters,
    IReadOnlyList<ProcessInstance> OpenReports,
    IReadOnlyDictionary<string, string> CaseNames,
    IReadOnlyDictionary<string, string> People)
{
    /// <summary>Open supervision items (督办), the longest overdue first; the office urges the department from the dashboard.</summary>
    public IReadOnlyList<Domain.Supervision.SupervisionItem> Supervision { get; init; } = [];

    /// <summary>Registration matters with at most one recorded visit to the desk (最多跑一次), from the window's records.</summary>
    public int AtMostOneVisitMatters { get; init; }

    /// <summary>督办 items closed because their task was done: the overdue figures come from these records, not the live task list.</summary>
    public int SupervisionClosed { get; init; }

    /// <summary>Each association's status, the same the register, the workbench and the portal show.</summary>
    public IReadOnlyDictionary<Guid, Register.AssociationStatus> Statuses { get; init; } = new Dictionary<Guid, Register.AssociationStatus>();

    public Register.AssociationStage StageOf(Association association) =>
        Statuses.TryGetValue(association.Id, out var status) ? status.Stage : Register.AssociationStatus.Of(association, Cases.CaseProgress.None).Stage;

    /// <summary>The unit an association is counted with: its own, or the one it left by decoupling.</summary>
    public IReadOnlyDictionary<Guid, Guid> FormerUnits { get; init; } = new Dictionary<Guid, Guid>();

    public Guid? UnitOf(Association association) =>
        association.SupervisoryUnitId ?? (FormerUnits.TryGetValue(association.Id, out var unit) ? unit : null);

    public int Finished => Associations.Count(a => StageOf(a) == Register.AssociationStage.Finished);
}
