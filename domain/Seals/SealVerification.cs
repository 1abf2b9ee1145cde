namespace Decoupling.Domain.Seals;

/// <summary>
/// Result of re-checking a document: the hash recorded at upload, the hash of the stored bytes now, and whether each
/// seal still matches. <see cref="IsIntact"/> is false when the stored file or a seal no longer agrees.
/// </summary>
public sealed record SealVerification(
    Guid DocumentId,
    string RecordedSha256,
    string? ActualSha256,
    bool StoredFileMissing,
    IReadOnlyList<SealCheck> Seals)
{
    public bool StoredFileMatches => !StoredFileMissing && ActualSha256 == RecordedSha256;

    public bool IsIntact => StoredFileMatches && Seals.All(s => s.Matches);
}
