using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Register;

/// <summary>
/// The ties each association has with agencies (R4): listed from the register (its supervisory unit) when a case
/// starts, edited by the leading group, and ended one by one when the registration change is approved.
/// </summary>
public sealed class RelationshipService(PlatformDbContext db)
{
    public Task<List<AssociationRelationship>> ListAsync(Guid associationId, CancellationToken cancellationToken = default) =>
        db.AssociationRelationships.AsNoTracking().Where(r => r.AssociationId == associationId).OrderBy(r => r.Kind).ThenBy(r => r.Agency).ToListAsync(cancellationToken);

    /// <summary>An association with no ties on file gets its supervisory unit's (主管) tie from the register.</summary>
    public async Task EnsureFromRegisterAsync(Guid associationId, CancellationToken cancellationToken = default)
    {
        if (await db.AssociationRelationships.AnyAsync(r => r.AssociationId == associationId, cancellationToken))
        {
            return;
        }

        var association = await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == associationId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "协会商会", associationId);
        if (association.SupervisoryUnitId is { } unit
            && await db.Departments.AsNoTracking().Where(d => d.Id == unit).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) is { } name)
        {
            db.AssociationRelationships.Add(new AssociationRelationship { AssociationId = associationId, Kind = RelationshipKind.Supervisor, Agency = name });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<AssociationRelationship> AddAsync(Guid associationId, RelationshipKind kind, string agency, bool subordinateUnit,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            throw new DomainException(DomainErrorCodes.FieldRequired, "关联机关或单位");
        }

        var relationship = new AssociationRelationship { AssociationId = associationId, Kind = kind, Agency = agency.Trim(), SubordinateUnit = subordinateUnit };
        db.AssociationRelationships.Add(relationship);
        await db.SaveChangesAsync(cancellationToken);
        return relationship;
    }

    /// <summary>Ends every tie still open, on the day the registration change is approved; returns how many.</summary>
    public async Task<int> EndAllAsync(Guid associationId, DateOnly on, string by, CancellationToken cancellationToken = default)
    {
        var open = await db.AssociationRelationships.Where(r => r.AssociationId == associationId && r.EndedOn == null).ToListAsync(cancellationToken);
        foreach (var relationship in open)
        {
            relationship.EndedOn = on;
            relationship.EndedBy = by;
        }

        await db.SaveChangesAsync(cancellationToken);
        return open.Count;
    }
}
