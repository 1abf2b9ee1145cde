using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seals;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Checklists;

/// <summary>
/// The sealed checklist (盖章确认, R8): the association and its supervisory unit each seal an export of the checklist
/// as it stands. A confirmation counts only while the sealed file is intact and no item changed after the seal.
/// </summary>
public static class ChecklistSeals
{
    public const string FilePrefix = "脱钩事项清单-";

    /// <summary>The seals on the association's most recently sealed checklists (one per unit, the latest), and whether each file is intact.</summary>
    public static async Task<(IReadOnlyList<SealConfirmation> Seals, bool Intact)> LatestAsync(PlatformDbContext db, SealService seals, Guid associationId,
        CancellationToken cancellationToken = default)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.OwnerAssociationId == associationId && d.FileName.StartsWith(FilePrefix))
            .Select(d => d.Id).ToListAsync(cancellationToken);
        if (documents.Count == 0)
        {
            return ([], true);
        }

        var all = await db.SealConfirmations.AsNoTracking().Where(s => documents.Contains(s.DocumentId)).ToListAsync(cancellationToken);
        var latest = all.GroupBy(s => (s.DepartmentId, s.AssociationId)).Select(g => g.OrderByDescending(s => s.ConfirmedAt).First()).OrderBy(s => s.ConfirmedAt).ToList();
        var intact = true;
        foreach (var documentId in latest.Select(s => s.DocumentId).Distinct())
        {
            intact &= (await seals.VerifyAsync(documentId, cancellationToken)).IsIntact;
        }

        return (latest, intact);
    }

    /// <summary>
    /// Why this unit's confirmation does not hold, or null when it does: a seal by the unit (a department id or the
    /// association id) on an intact export made after the last change to any item.
    /// </summary>
    public static async Task<string?> ProblemAsync(PlatformDbContext db, SealService seals, Guid associationId, Guid? departmentId, Guid? sealingAssociationId,
        CancellationToken cancellationToken = default)
    {
        var (latest, _) = await LatestAsync(db, seals, associationId, cancellationToken);
        var seal = latest.FirstOrDefault(s => departmentId is not null ? s.DepartmentId == departmentId : s.AssociationId == sealingAssociationId);
        if (seal is null)
        {
            return "尚未对脱钩事项清单盖章确认，请先在清单上点“盖章确认”";
        }

        if (!(await seals.VerifyAsync(seal.DocumentId, cancellationToken)).IsIntact)
        {
            return "盖章的清单文件已被改动，盖章失效，请重新盖章确认";
        }

        var changed = await db.ChecklistItems.AsNoTracking()
            .Where(i => db.Checklists.Any(c => c.Id == i.ChecklistId && c.AssociationId == associationId))
            .Select(i => i.UpdatedAt).ToListAsync(cancellationToken);
        return changed.Count > 0 && changed.Max() > seal.ConfirmedAt ? "清单在盖章后又有改动，请重新盖章确认" : null;
    }
}
