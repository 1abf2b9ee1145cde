using System.Data;
using System.Data.Common;
using System.Text.Json;
using Decoupling.Domain;
using Decoupling.Domain.Common;
using Decoupling.Domain.Crypto;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Resources;
using Decoupling.Host.Setup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Decoupling.Host.Cli;

/// <summary>
/// <c>backup DIR</c>: a consistent snapshot of the running platform into a new folder — the database (SQLite: the
/// online backup API; PostgreSQL: pg_dump inside an exported snapshot, so the figures in the manifest are read from
/// the very state that is dumped), every stored file the snapshot refers to (the store is content-addressed and files
/// are written before their records commit, so all are there), and manifest.json with the SM3 digest of each file,
/// signed by manifest.mac (HMAC-SM3 under the master key). Safe while cases are being worked. The master key itself is
/// not copied: keep it apart; a restore needs it. On any failure the folder is removed.
/// </summary>
public static class BackupCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (configuration, settings, rest) = CommandConfiguration.Load(args);
        if (rest.Length != 1)
        {
            await error.WriteLineAsync("用法：backup 备份目录（新目录或空目录）");
            return 2;
        }

        var folder = Path.GetFullPath(rest[0]);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await error.WriteLineAsync(DomainText.Get(DomainErrorCodes.BackupFolderNotEmpty, folder));
            return 1;
        }

        try
        {
            var manifest = await WriteAsync(folder, settings, MasterKeySource.Load(configuration, settings));
            await output.WriteLineAsync($"备份完成：{folder}");
            await output.WriteLineAsync($"数据库（{manifest.Provider}）{manifest.Database.Path}，SM3 {manifest.Database.Sm3}");
            await output.WriteLineAsync($"文件 {manifest.Files.Count} 个，文件记录 {manifest.Documents} 条，印章 {manifest.Seals} 个，审计日志至序号 {manifest.AuditLastSequence}");
            await output.WriteLineAsync("注意：主密钥（Security:MasterKey）不在备份中，恢复时需要同一把主密钥。");
            return 0;
        }
        catch (Exception e) when (e is DomainException or IOException or DbException or SqliteException or NpgsqlException or InvalidOperationException)
        {
            TryDelete(folder);
            await error.WriteLineAsync("备份失败，没有留下任何备份文件：" + e.Message);
            return 1;
        }
    }

    private static async Task<BackupManifest> WriteAsync(string folder, PlatformSettings settings, MasterKey masterKey)
    {
        Directory.CreateDirectory(Path.Combine(folder, "database"));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        var databasePath = Path.Combine("database", settings.UsePostgres ? "platform.dump" : "platform.db");
        var target = Path.Combine(folder, databasePath);
        Dictionary<string, long> counts;
        List<(string Key, string Sm3)> documents;
        (long Sequence, string Hash) audit;
        int seals;

        if (settings.UsePostgres)
        {
            if (ExternalTool.Find("pg_dump") is null)
            {
                throw new DomainException(DomainErrorCodes.BackupPgDumpMissing, "pg_dump");
            }

            // the figures and pg_dump read one snapshot: cases completed meanwhile are in neither or in both
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
            var snapshot = (string)(await export.ExecuteScalarAsync())!;
            (counts, documents, audit, seals) = await ReadAsync(connection, transaction, postgres: true);
            await ExternalTool.RunAsync("pg_dump", settings.ConnectionString,
                ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot, "--file=" + target]);
            await transaction.CommitAsync();
        }
        else
        {
            await using (var source = new SqliteConnection(settings.ConnectionString))
            await using (var copy = new SqliteConnection($"Data Source={target};Pooling=False"))
            {
                await source.OpenAsync();
                await copy.OpenAsync();
                source.BackupDatabase(copy);
            }

            // the figures come from the copy: exactly what was backed up
            await using var connection = new SqliteConnection($"Data Source={target};Pooling=False;Mode=ReadOnly");
            await connection.OpenAsync();
            (counts, documents, audit, seals) = await ReadAsync(connection, null, postgres: false);
        }

        var store = new LocalFileStore(settings.FilesFolder);
        var files = new List<BackupFile>();
        foreach (var key in documents.Select(d => d.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine("files", key[..2], key[2..4], key);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
            File.Copy(store.PathOf(key), Path.Combine(folder, relative));
            files.Add(await DescribeAsync(folder, relative));
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, settings.UsePostgres ? "Postgres" : "Sqlite",
            await DescribeAsync(folder, databasePath), files, counts, audit.Sequence, audit.Hash, documents.Count, seals);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        await File.WriteAllBytesAsync(Path.Combine(folder, BackupManifest.FileName), bytes);
        await File.WriteAllTextAsync(Path.Combine(folder, BackupManifest.MacFileName), Convert.ToHexStringLower(masterKey.Mac(BackupManifest.MacPurpose, bytes)));
        return manifest;
    }

    private static async Task<(Dictionary<string, long>, List<(string, string)>, (long, string), int)> ReadAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, bool postgres)
    {
        var counts = await SnapshotReader.CountsAsync(connection, transaction, postgres);
        await using var db = SnapshotReader.Context(connection, transaction, postgres);
        var documents = (await db.Documents.AsNoTracking().Select(d => new { d.StorageKey, d.Sm3 }).ToListAsync()).Select(d => (d.StorageKey, d.Sm3)).ToList();
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
        var seals = await db.SealConfirmations.CountAsync();
        return (counts, documents, (head?.Sequence ?? 0, head?.Hash ?? ""), seals);
    }

    public static async Task<BackupFile> DescribeAsync(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        return new BackupFile(relative.Replace('\\', '/'), new FileInfo(path).Length, await Sm3.FileHexAsync(path));
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
