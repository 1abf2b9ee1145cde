namespace Decoupling.Domain.Documents;

/// <summary>
/// Metadata of one version of a generated or uploaded file; the bytes live in the <see cref="IFileStore"/> under
/// <see cref="StorageKey"/>. A new version is a new record pointing at its <see cref="PreviousVersionId"/>.
/// </summary>
public class DocumentRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public DocumentType Type { get; set; }

    public Guid? OwnerDepartmentId { get; set; }

    public Guid? OwnerAssociationId { get; set; }

    /// <summary>Sanitised display name; never used as a path.</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content at upload time.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>
    /// Lower-case hex SM3 (GB/T 32905) of the content: the digest seals and backups check (GB/T 39786). Empty on
    /// records stored before SM3 was introduced; those are checked by <see cref="Sha256"/>.
    /// </summary>
    public string Sm3 { get; set; } = "";

    public string StorageKey { get; set; } = "";

    public int Version { get; set; } = 1;

    public Guid? PreviousVersionId { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
