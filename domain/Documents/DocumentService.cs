using System.Security.Cryptography;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Documents;

/// <summary>
/// Accepts uploaded or generated files: checks size and content, stores the bytes, records the metadata. If the
/// database refuses the record, bytes stored by this call are removed again so nothing is half-written.
/// </summary>
public sealed class DocumentService(PlatformDbContext db, IFileStore store, DocumentOptions options, TimeProvider time)
{
    public Task<DocumentRecord> UploadAsync(Stream content, DocumentUpload upload, CancellationToken cancellationToken = default) =>
        SaveAsync(content, upload, previous: null, cancellationToken);

    /// <summary>Stores a new version of <paramref name="previousId"/>, keeping its type and owner.</summary>
    public async Task<DocumentRecord> UploadNewVersionAsync(
        Guid previousId, Stream content, DocumentUpload upload, CancellationToken cancellationToken = default)
    {
        var previous = await db.Documents.FirstOrDefaultAsync(d => d.Id == previousId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", previousId);
        return await SaveAsync(content, upload, previous, cancellationToken);
    }

    public async Task<(DocumentRecord Record, Stream Content)> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", id);
        return (record, await store.OpenAsync(record.StorageKey, cancellationToken));
    }

    /// <summary>All versions of the document <paramref name="id"/> belongs to, newest first.</summary>
    public async Task<IReadOnlyList<DocumentRecord>> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var history = new List<DocumentRecord>();
        var current = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "文件", id);

        // walk forward to the newest version first, then back through PreviousVersionId
        while (await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.PreviousVersionId == current.Id, cancellationToken) is { } next)
        {
            current = next;
        }

        for (DocumentRecord? cursor = current; cursor is not null;)
        {
            history.Add(cursor);
            var previousId = cursor.PreviousVersionId;
            cursor = previousId is null ? null
                : await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == previousId, cancellationToken);
        }

        return history;
    }

    /// <summary>Size, type and name checks without storing anything; returns the detected kind.</summary>
    public FileKind Check(ReadOnlyMemory<byte> content, string fileName)
    {
        if (content.Length == 0)
        {
            throw new DomainException(DomainErrorCodes.DocumentEmpty);
        }

        if (content.Length > options.MaxBytes)
        {
            throw new DomainException(DomainErrorCodes.DocumentTooLarge, options.MaxBytes / (1024.0 * 1024.0));
        }

        var claimed = FileKind.ByExtension(fileName)
            ?? throw new DomainException(DomainErrorCodes.DocumentTypeUnsupported, Path.GetExtension(fileName));
        var actual = ContentSniffer.Detect(content)
            ?? throw new DomainException(DomainErrorCodes.DocumentContentUnrecognised, fileName);
        if (actual != claimed)
        {
            throw new DomainException(DomainErrorCodes.DocumentContentMismatch, fileName, actual.Name);
        }

        return actual;
    }

    private async Task<DocumentRecord> SaveAsync(
        Stream content, DocumentUpload upload, DocumentRecord? previous, CancellationToken cancellationToken)
    {
        var bytes = await ReadBoundedAsync(content, cancellationToken);
        var fileName = FileNameSanitizer.Sanitize(upload.FileName);
        var kind = Check(bytes, fileName);

        using var memory = new MemoryStream(bytes, writable: false);
        var (key, created) = await store.PutAsync(memory, cancellationToken);
        var record = new DocumentRecord
        {
            Type = previous?.Type ?? upload.Type,
            OwnerDepartmentId = previous?.OwnerDepartmentId ?? upload.OwnerDepartmentId,
            OwnerAssociationId = previous?.OwnerAssociationId ?? upload.OwnerAssociationId,
            FileName = fileName,
            ContentType = kind.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Sm3 = Crypto.Sm3.Hex(bytes),
            StorageKey = key,
            Version = (previous?.Version ?? 0) + 1,
            PreviousVersionId = previous?.Id,
            CreatedBy = upload.CreatedBy,
            CreatedAt = Clock.Now(time),
        };

        db.Documents.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.Documents.Entry(record).State = EntityState.Detached;
            if (created)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }

        return record;
    }

    /// <summary>Reads at most one byte beyond the limit so an oversize upload is refused without buffering all of it.</summary>
    private async Task<byte[]> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                throw new DomainException(DomainErrorCodes.DocumentTooLarge, options.MaxBytes / (1024.0 * 1024.0));
            }
        }

        return buffer.ToArray();
    }
}
