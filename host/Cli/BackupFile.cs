namespace Decoupling.Host.Cli;

/// <summary>One file of a backup: its path inside the backup folder, size and SM3 digest.</summary>
public sealed record BackupFile(string Path, long Size, string Sm3);
