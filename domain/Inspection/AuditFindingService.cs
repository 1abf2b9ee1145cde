using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Inspection;

/// <summary>Records audits and their rectification (R22): a finding stays open until the auditor closes it.</summary>
public sealed class AuditFindingService(PlatformDbContext db, TimeProvider time)
{
    public async Task<AuditFinding> RecordAsync(Guid associationId, bool clean, string? assetFindings, string? fundFindings, string? opinion,
        DateOnly? rectifyBy, string recordedBy, CancellationToken cancellationToken = default)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId, cancellationToken))
        {
            throw new DomainException(DomainErrorCodes.NotFound, "协会商会", associationId);
        }

        var finding = new AuditFinding
        {
            AssociationId = associationId,
            Status = clean ? AuditFindingStatus.Clean : AuditFindingStatus.Rectifying,
            AssetFindings = assetFindings,
            FundFindings = fundFindings,
            Opinion = opinion,
            RectifyBy = clean ? null : rectifyBy,
            RecordedBy = recordedBy,
            RecordedAt = Clock.Now(time),
        };
        db.AuditFindings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        return finding;
    }

    public async Task<AuditFinding> CloseAsync(Guid findingId, string? report, CancellationToken cancellationToken = default)
    {
        var finding = await db.AuditFindings.FirstOrDefaultAsync(f => f.Id == findingId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "审计发现", findingId);
        if (finding.Status == AuditFindingStatus.Rectifying)
        {
            finding.Status = AuditFindingStatus.Closed;
            finding.RectificationReport = report;
            finding.ClosedAt = Clock.Now(time);
            await db.SaveChangesAsync(cancellationToken);
        }

        return finding;
    }
}
