using Decoupling.Application.People;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Application.Access;

/// <summary>
/// Which associations someone may see: the district for the leading group, administrators, auditors, the registration
/// window and evaluators; its own associations for a supervisory unit; its own record for association staff; none for a
/// functional department's reviewer (who works through tasks). Pages and API apply this to every query.
/// </summary>
public sealed record AssociationAccess(bool District, Guid? SupervisoryUnitId, Guid? AssociationId)
{
    public static AssociationAccess Of(CaseActor actor)
    {
        if (actor.SeesDistrict)
        {
            return new AssociationAccess(true, null, null);
        }

        if (actor.IsIn(PlatformRoles.SupervisoryUnit) && actor.Department is { } unit)
        {
            return new AssociationAccess(false, unit.Id, null);
        }

        return new AssociationAccess(false, null, actor.Account.AssociationId ?? Guid.Empty);
    }

    public bool Covers(Association association) =>
        District || (SupervisoryUnitId is { } unit && association.SupervisoryUnitId == unit) || (AssociationId is { } id && association.Id == id);

    public bool MayEditRegister => District;

    /// <summary>The supervisory unit to filter a register search by, or null for the whole district.</summary>
    public Guid? SupervisoryFilter => District ? null : SupervisoryUnitId ?? Guid.Empty;

    /// <summary>
    /// Loads an association the caller may see, or null (answered as 404). A unit still reads the associations that
    /// left it by decoupling: its summary, audits and workbench are about them.
    /// </summary>
    public async Task<Association?> FindAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var association = await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (association is null)
        {
            return null;
        }

        return await CoversAsync(db, association, cancellationToken) ? association : null;
    }

    /// <summary><see cref="Covers"/>, and for a unit also the associations that left it by decoupling (read only).</summary>
    public async Task<bool> CoversAsync(PlatformDbContext db, Association association, CancellationToken cancellationToken = default) =>
        Covers(association)
        || (SupervisoryUnitId is { } unit && association.SupervisoryUnitId is null && await FormerUnits.OfAsync(db, association.Id, cancellationToken) == unit);
}
