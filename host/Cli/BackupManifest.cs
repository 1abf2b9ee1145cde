namespace Decoupling.Host.Cli;

/// <summary>
/// manifest.json of a backup: what the snapshot holds and the SM3 digest of every file in it, with the figures the
/// restore checks again (row counts, the audit chain's head, how many documents and seals). manifest.mac is the
/// HMAC-SM3 of this file's bytes under a key derived from the master key, so the manifest cannot be rewritten to fit
/// changed files without the key.
/// </summary>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    string Provider,
    BackupFile Database,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyDictionary<string, long> Counts,
    long AuditLastSequence,
    string AuditLastHash,
    int Documents,
    int Seals)
{
    public const string CurrentFormat = "luozhuang-backup/1";
    public const string FileName = "manifest.json";
    public const string MacFileName = "manifest.mac";
    public const string MacPurpose = "backup-manifest";
}
