using Decoupling.Application.People;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Publications;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Application.Publications;

/// <summary>
/// Who publishes and who sees what of R25's notices, once for the API, the pages and the document store: the office
/// publishes and sees everything; a supervisory unit sees what went to its associations and their receipts; association
/// staff see what went to their own association and no one's receipts; anyone else sees nothing.
/// </summary>
public static class PublicationAudience
{
    public static bool MayPublish(CaseActor actor) => actor.IsLeadership;

    /// <summary>Read figures: the office for every association, a unit for its own; never an association.</summary>
    public static bool MayFollowReads(CaseActor actor) => actor.IsLeadership || actor.SupervisoryUnitId is not null;

    public static IQueryable<Publication> Visible(PlatformDbContext db, CaseActor actor)
    {
        if (actor.IsLeadership)
        {
            return db.Publications;
        }

        if (actor.SupervisoryUnitId is { } unit)
        {
            return db.Publications.Where(p => db.PublicationRecipients.Any(r => r.PublicationId == p.Id && r.SupervisoryUnitId == unit));
        }

        if (actor.IsIn(PlatformRoles.AssociationStaff) && actor.Account.AssociationId is { } association)
        {
            return db.Publications.Where(p => db.PublicationRecipients.Any(r => r.PublicationId == p.Id && r.AssociationId == association));
        }

        return db.Publications.Where(p => false);
    }

    /// <summary>The receipts whose state the actor may follow: all for the office, its associations' for a unit, none otherwise.</summary>
    public static IQueryable<PublicationRecipient> FollowedReceipts(PlatformDbContext db, CaseActor actor) =>
        actor.IsLeadership ? db.PublicationRecipients
        : actor.SupervisoryUnitId is { } unit ? db.PublicationRecipients.Where(r => r.SupervisoryUnitId == unit)
        : db.PublicationRecipients.Where(r => false);

    /// <summary>Whether the document is an attachment of a publication the actor sees (so the addressees may download it).</summary>
    public static Task<bool> MayReadAttachmentAsync(PlatformDbContext db, CaseActor actor, Guid documentId, CancellationToken cancellationToken = default) =>
        Visible(db, actor).AnyAsync(p => p.AttachmentDocumentIds.Contains(documentId), cancellationToken);

    /// <summary>
    /// The associations a publication reaches: in the decoupling's scope and still existing (not deregistered or revoked),
    /// of the whole district or of the chosen units.
    /// </summary>
    public static IQueryable<Association> Addressees(PlatformDbContext db, bool wholeDistrict, IReadOnlyCollection<Guid> unitIds) =>
        db.Associations.AsNoTracking()
            .Where(a => !a.Exempt && a.Outcome != DecouplingOutcome.Deregistered && a.Outcome != DecouplingOutcome.Revoked)
            .Where(a => wholeDistrict || (a.SupervisoryUnitId != null && unitIds.Contains(a.SupervisoryUnitId.Value)));
}
