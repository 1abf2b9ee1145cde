using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Register;

/// <summary>
/// A decoupled association no longer names its supervisory unit; the register's history does. The unit it left is the
/// old value of the latest change that emptied <see cref="Association.SupervisoryUnitId"/>. The unit's workbench, its
/// summary, audits of the separation and the evaluation all count the association with that unit.
/// </summary>
public static class FormerUnits
{
    private const string Field = nameof(Association.SupervisoryUnitId);

    /// <summary>The unit the association left, or null when it never had one or still has one.</summary>
    public static async Task<Guid?> OfAsync(PlatformDbContext db, Guid associationId, CancellationToken cancellationToken = default)
    {
        var former = await db.AssociationChanges.AsNoTracking()
            .Where(c => c.AssociationId == associationId && c.Field == Field && c.OldValue != null && c.NewValue == null)
            .OrderByDescending(c => c.ChangedAt).Select(c => c.OldValue).FirstOrDefaultAsync(cancellationToken);
        return Guid.TryParse(former, out var unit) ? unit : null;
    }

    /// <summary>Every association's former unit, by association id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid>> AllAsync(PlatformDbContext db, CancellationToken cancellationToken = default) =>
        (await db.AssociationChanges.AsNoTracking().Where(c => c.Field == Field && c.OldValue != null && c.NewValue == null)
            .Select(c => new { c.AssociationId, c.ChangedAt, c.OldValue }).ToListAsync(cancellationToken))
        .GroupBy(c => c.AssociationId)
        .Select(g => (g.Key, Unit: Guid.TryParse(g.OrderByDescending(c => c.ChangedAt).First().OldValue, out var unit) ? unit : Guid.Empty))
        .Where(x => x.Unit != Guid.Empty)
        .ToDictionary(x => x.Key, x => x.Unit);

    /// <summary>The unit's associations: those it supervises now and those that left it by decoupling.</summary>
    public static IQueryable<Association> OfUnit(PlatformDbContext db, IQueryable<Association> associations, Guid unitId)
    {
        var former = unitId.ToString();
        return associations.Where(a => a.SupervisoryUnitId == unitId
            || (a.SupervisoryUnitId == null && db.AssociationChanges
                .Where(c => c.AssociationId == a.Id && c.Field == Field && c.OldValue != null && c.NewValue == null)
                .OrderByDescending(c => c.ChangedAt).Select(c => c.OldValue).FirstOrDefault() == former));
    }

    /// <summary>The association's current unit, or the one it left.</summary>
    public static async Task<Guid?> CurrentOrFormerAsync(PlatformDbContext db, Association association, CancellationToken cancellationToken = default) =>
        association.SupervisoryUnitId ?? await OfAsync(db, association.Id, cancellationToken);
}
