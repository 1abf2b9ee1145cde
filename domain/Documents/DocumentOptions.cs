namespace Decoupling.Domain.Documents;

/// <summary>Upload limits; bind from configuration section "Documents".</summary>
public sealed class DocumentOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
