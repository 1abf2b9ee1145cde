using Decoupling.Application.Cases;
using Decoupling.Domain.Register;

namespace Decoupling.Application.Register;

/// <summary>The statuses of many associations at once (a register page, a unit's workbench, the dashboard).</summary>
public sealed class AssociationStatuses(ProgressQueries progress)
{
    public async Task<IReadOnlyDictionary<Guid, AssociationStatus>> OfAsync(IReadOnlyCollection<Association> associations, CancellationToken cancellationToken = default)
    {
        var cases = await progress.OfAssociationsAsync([.. associations.Select(a => a.Id)], cancellationToken);
        return associations.ToDictionary(a => a.Id, a => AssociationStatus.Of(a, cases.GetValueOrDefault(a.Id, CaseProgress.None)));
    }

    public async Task<AssociationStatus> OfAsync(Association association, CancellationToken cancellationToken = default) =>
        (await OfAsync([association], cancellationToken))[association.Id];
}
