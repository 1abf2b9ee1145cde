using System.Security.Cryptography;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Seals;

/// <summary>Records unit seals over documents and verifies them against the stored bytes.</summary>
public sealed class SealService(PlatformDbContext db, Documents.IFileStore store, TimeProvider time)
{
    /// <summary>
    /// Seals <paramref name="documentId"/> on behalf of the user's unit. Department staff seal for their department,
    /// association staff for their association; a user of neither is refused. When the document has an owner, only a
    /// member of that owner or of the association's supervisory unit may seal it. Sealing again returns the same seal.
    /// </summary>
    public async Task<SealConfirmation> ConfirmAsync(Guid documentId, string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "用户", userId);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", documentId);
        if (user.DepartmentId is null && user.AssociationId is null)
        {
            throw new DomainException(DomainErrorCodes.SealUserNoUnit, user.DisplayName);
        }

        await EnsureAuthorisedAsync(user, document, cancellationToken);

        var existing = await db.SealConfirmations.FirstOrDefaultAsync(
            s => s.DocumentId == documentId && s.UserId == userId && s.Sha256 == document.Sha256, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var unitName = user.DepartmentId is { } departmentId
            ? (await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)) ?? ""
            : (await db.Associations.Where(a => a.Id == user.AssociationId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)) ?? "";

        var seal = new SealConfirmation
        {
            DocumentId = documentId,
            Sha256 = document.Sha256,
            UserId = user.Id,
            UserDisplayName = user.DisplayName,
            DepartmentId = user.DepartmentId,
            AssociationId = user.DepartmentId is null ? user.AssociationId : null,
            UnitName = unitName,
            ConfirmedAt = Clock.Now(time),
        };
        db.SealConfirmations.Add(seal);
        await db.SaveChangesAsync(cancellationToken);
        return seal;
    }

    /// <summary>Recomputes the stored file's SHA-256 and compares it with the recorded hash and every seal.</summary>
    public async Task<SealVerification> VerifyAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", documentId);
        var seals = await db.SealConfirmations.AsNoTracking().Where(s => s.DocumentId == documentId).ToListAsync(cancellationToken);

        string? actual = null;
        var missing = false;
        try
        {
            await using var stream = await store.OpenAsync(document.StorageKey, cancellationToken);
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        catch (DomainException e) when (e.Code == DomainErrorCodes.DocumentStoredFileMissing)
        {
            missing = true;
        }

        var checks = seals
            .OrderBy(s => s.ConfirmedAt)
            .Select(s => new SealCheck(s.Id, s.UnitName, s.UserDisplayName, s.ConfirmedAt, s.Sha256, !missing && s.Sha256 == actual))
            .ToList();
        return new SealVerification(documentId, document.Sha256, actual, missing, checks);
    }

    private async Task EnsureAuthorisedAsync(Identity.PlatformUser user, Documents.DocumentRecord document, CancellationToken cancellationToken)
    {
        if (document.OwnerAssociationId is { } associationId)
        {
            if (user.AssociationId == associationId)
            {
                return;
            }

            var supervisory = await db.Associations.Where(a => a.Id == associationId)
                .Select(a => a.SupervisoryUnitId).FirstOrDefaultAsync(cancellationToken);
            if (user.DepartmentId is not null && user.DepartmentId == supervisory)
            {
                return;
            }

            throw new DomainException(DomainErrorCodes.SealUserNotAuthorised, user.DisplayName);
        }

        if (document.OwnerDepartmentId is { } ownerDepartment && user.DepartmentId != ownerDepartment)
        {
            throw new DomainException(DomainErrorCodes.SealUserNotAuthorised, user.DisplayName);
        }
    }
}
