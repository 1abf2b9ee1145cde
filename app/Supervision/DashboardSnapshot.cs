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
    IReadOnlyList<HumanTask> Overdue,
    IReadOnlyList<ProcessInstance> OpenReports,
    IReadOnlyDictionary<string, string> CaseNames,
    IReadOnlyDictionary<string, string> People)
{
    /// <summary>Open supervision items (督办), the longest overdue first; the office urges the department from the dashboard.</summary>
    public IReadOnlyList<Domain.Supervision.SupervisionItem> Supervision { get; init; } = [];

    public int Finished => Associations.Count(DecouplingProgress.IsFinished);
}
