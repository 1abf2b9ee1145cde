using System.Security.Cryptography;
using System.Text;
using Decoupling.Domain.Common;
using Decoupling.Domain.Crypto;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Seals;

/// <summary>
/// Seals documents on behalf of a unit with the unit's SM2 key, and verifies them against the stored bytes. A .docx
/// gets the seal embedded (a new version of the document carries it, see <see cref="DocxSeals"/>); any other file keeps
/// its seal beside it (the signed record). Either way the record here holds what was signed and the signature, so a
/// seal can be checked without trusting this database's other columns.
/// </summary>
public sealed class SealService(PlatformDbContext db, IFileStore store, TimeProvider time, UnitKeyService? keys = null, DocumentOptions? options = null)
{
    public const string Algorithm = "SM2-SM3";

    /// <summary>
    /// Seals <paramref name="documentId"/> (its newest version) on behalf of the user's unit. Department staff seal for
    /// their department, association staff for their association; a user of neither is refused. When the document has an
    /// owner, only a member of that owner or of the association's supervisory unit may seal it. Sealing the same content
    /// again returns the same seal. The new version and the seal record commit together.
    /// </summary>
    public async Task<SealConfirmation> ConfirmAsync(Guid documentId, string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "用户", userId);
        var document = await NewestVersionAsync(documentId, cancellationToken);
        if (user.DepartmentId is null && user.AssociationId is null)
        {
            throw new DomainException(DomainErrorCodes.SealUserNoUnit, user.DisplayName);
        }

        await EnsureAuthorisedAsync(user, document, cancellationToken);

        var unitKeys = keys ?? throw new InvalidOperationException("SealService needs the UnitKeyService to sign");
        var key = await unitKeys.GetOrCreateAsync(user.DepartmentId, user.AssociationId, cancellationToken);
        var bytes = await ReadAsync(document, cancellationToken);
        var isDocx = document.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);
        var digest = isDocx ? DocxSeals.ContentDigest(bytes, document.FileName) : Sm3.Hex(bytes);

        var existing = await db.SealConfirmations.FirstOrDefaultAsync(
            s => s.UserId == userId && s.Sm3 == digest && (s.DocumentId == document.Id || s.DocumentId == documentId || s.SealedDocumentId == document.Id), cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var payload = new SealPayload(digest, isDocx ? Sm3.Hex(SealImage.Png.Value) : "-", $"{user.DisplayName}（{user.UserName}）",
            key.UnitName, key.KeyId, Clock.Now(time), document.FileName);
        var text = payload.ToText();
        var signature = Convert.ToBase64String(Sm2.Sign(unitKeys.PrivateKeyOf(key), Encoding.UTF8.GetBytes(text)));
        var seal = new SealConfirmation
        {
            DocumentId = document.Id,
            Sha256 = document.Sha256,
            Sm3 = digest,
            Algorithm = Algorithm,
            SignedContent = text,
            Signature = signature,
            KeyId = key.KeyId,
            PublicKey = key.PublicKey,
            UserId = user.Id,
            UserDisplayName = user.DisplayName,
            DepartmentId = user.DepartmentId,
            AssociationId = user.DepartmentId is null ? user.AssociationId : null,
            UnitName = key.UnitName,
            ConfirmedAt = payload.SealedAt,
        };

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (isDocx)
            {
                var sealedBytes = DocxSeals.Add(bytes, document.FileName, SealImage.Png.Value, key.PublicKey, _ => (text, signature));
                var documents = new DocumentService(db, store, options ?? new DocumentOptions(), time);
                var version = await documents.UploadNewVersionAsync(document.Id, new MemoryStream(sealedBytes),
                    new DocumentUpload(document.FileName, document.Type, user.UserName ?? user.Id), cancellationToken);
                seal.SealedDocumentId = version.Id;
            }

            db.SealConfirmations.Add(seal);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            db.Entry(seal).State = EntityState.Detached;
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        return seal;
    }

    /// <summary>
    /// Recomputes the stored file's digests and checks every seal recorded for the document: a signed seal by its
    /// signature and the SM3 digest it signed (for a .docx, over the sealed version's content), a hash-only
    /// confirmation by the SHA-256 it recorded.
    /// </summary>
    public async Task<SealVerification> VerifyAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", documentId);
        var seals = await db.SealConfirmations.AsNoTracking()
            .Where(s => s.DocumentId == documentId || s.SealedDocumentId == documentId).ToListAsync(cancellationToken);

        string? actual = null;
        var missing = false;
        byte[]? bytes = null;
        try
        {
            bytes = await ReadAsync(document, cancellationToken);
            actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        catch (DomainException e) when (e.Code == DomainErrorCodes.DocumentStoredFileMissing)
        {
            missing = true;
        }

        var checks = new List<SealCheck>();
        foreach (var seal in seals.OrderBy(s => s.ConfirmedAt))
        {
            checks.Add(await CheckAsync(seal, document, bytes, actual, cancellationToken));
        }

        return new SealVerification(documentId, document.Sha256, actual, missing, checks);
    }

    /// <summary>Checks one seal record against the bytes it was made over; used by verification and by restore.</summary>
    public async Task<SealCheck> CheckAsync(SealConfirmation seal, DocumentRecord document, byte[]? documentBytes, string? documentSha256, CancellationToken cancellationToken = default)
    {
        if (seal.Algorithm != Algorithm)
        {
            var matches = documentBytes is not null && seal.Sha256 == documentSha256;
            return new SealCheck(seal.Id, seal.UnitName, seal.UserDisplayName, seal.ConfirmedAt, seal.Sha256, matches,
                Problem: matches ? null : DomainText.Get(DomainErrorCodes.SealDigestMismatch, 1, seal.UnitName, seal.UserDisplayName, seal.Sha256, documentSha256 ?? "-"));
        }

        // a .docx seal lives in the version that embeds it; check the bytes of that version
        byte[]? bytes = documentBytes;
        var target = document;
        if (seal.SealedDocumentId is { } sealedId && sealedId != document.Id)
        {
            target = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == sealedId, cancellationToken) ?? document;
            try
            {
                bytes = await ReadAsync(target, cancellationToken);
            }
            catch (DomainException e) when (e.Code == DomainErrorCodes.DocumentStoredFileMissing)
            {
                bytes = null;
            }
        }

        string? problem = null;
        var signatureHolds = Sm2.Verify(Convert.FromHexString(seal.PublicKey), Encoding.UTF8.GetBytes(seal.SignedContent), Convert.FromBase64String(seal.Signature))
            && SealPayload.Parse(seal.SignedContent) is { } payload && payload.ContentDigest == seal.Sm3 && payload.KeyId == seal.KeyId;
        if (!signatureHolds)
        {
            problem = DomainText.Get(DomainErrorCodes.SealSignatureInvalid, 1, seal.UnitName, seal.UserDisplayName);
        }
        else if (bytes is null)
        {
            problem = DomainText.Get(DomainErrorCodes.DocumentStoredFileMissing, target.StorageKey);
        }
        else
        {
            string current;
            if (target.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            {
                var report = DocxSealVerifier.Verify(bytes, target.FileName);
                current = report.ContentDigest;
                problem = report.Problem ?? report.Seals.FirstOrDefault(s => !s.Valid)?.Problem;
            }
            else
            {
                current = Sm3.Hex(bytes);
            }

            if (problem is null && current != seal.Sm3)
            {
                problem = DomainText.Get(DomainErrorCodes.SealDigestMismatch, 1, seal.UnitName, seal.UserDisplayName, seal.Sm3, current);
            }
        }

        return new SealCheck(seal.Id, seal.UnitName, seal.UserDisplayName, seal.ConfirmedAt, seal.Sha256, problem is null, Signed: true, seal.KeyId, problem);
    }

    private async Task<DocumentRecord> NewestVersionAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", documentId);
        while (await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.PreviousVersionId == document.Id, cancellationToken) is { } next)
        {
            document = next;
        }

        return document;
    }

    private async Task<byte[]> ReadAsync(DocumentRecord document, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenAsync(document.StorageKey, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private async Task EnsureAuthorisedAsync(Identity.PlatformUser user, DocumentRecord document, CancellationToken cancellationToken)
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
