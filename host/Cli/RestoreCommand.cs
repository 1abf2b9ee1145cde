using System.Security.Cryptography;
using System.Text.Json;
using Decoupling.Domain;
using Decoupling.Domain.Audit;
using Decoupling.Domain.Common;
using Decoupling.Domain.Crypto;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Decoupling.Domain.Seals;
using Decoupling.Host.Setup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Decoupling.Host.Cli;

/// <summary>
/// <c>restore DIR</c>: puts a backup into an empty data folder (SQLite) or an empty database (PostgreSQL) — never over
/// data — after checking it: the manifest's signature (the same master key), the SM3 digest of every file, then, on the
/// restored database, the row count of every table, the audit chain (intact, and ending where the manifest says), every
/// document's digest against its file and every seal's signature. Any failure is named, and nothing is left behind:
/// the restored database is removed again and no file reaches the store.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (configuration, settings, rest) = CommandConfiguration.Load(args);
        if (rest.Length != 1)
        {
            await error.WriteLineAsync("用法：restore 备份目录");
            return 2;
        }

        var folder = Path.GetFullPath(rest[0]);
        var problems = new List<string>();
        try
        {
            var manifest = await ReadManifestAsync(folder, MasterKeySource.Load(configuration, settings));
            if (manifest.Provider != (settings.UsePostgres ? "Postgres" : "Sqlite"))
            {
                throw new DomainException(DomainErrorCodes.RestoreProviderMismatch, manifest.Provider, settings.UsePostgres ? "Postgres" : "Sqlite");
            }

            foreach (var file in manifest.Files.Append(manifest.Database))
            {
                var path = Path.Combine(folder, file.Path);
                if (!File.Exists(path))
                {
                    problems.Add(DomainText.Get(DomainErrorCodes.RestoreFileMissing, file.Path));
                }
                else if (await Sm3.FileHexAsync(path) is var actual && actual != file.Sm3)
                {
                    problems.Add(DomainText.Get(DomainErrorCodes.RestoreFileMismatch, file.Path, file.Sm3, actual));
                }
            }

            if (problems.Count > 0)
            {
                return await RefuseAsync(error, problems);
            }

            await EnsureEmptyTargetAsync(settings);
            problems = settings.UsePostgres ? await RestorePostgresAsync(folder, manifest, settings) : await RestoreSqliteAsync(folder, manifest, settings);
            if (problems.Count > 0)
            {
                return await RefuseAsync(error, problems);
            }

            foreach (var file in manifest.Files)
            {
                var target = Path.Combine(settings.FilesFolder, Path.GetRelativePath("files", file.Path));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(folder, file.Path), target);
            }

            await output.WriteLineAsync($"恢复完成：{manifest.Counts.Count} 张表的行数、审计日志（至序号 {manifest.AuditLastSequence}）、{manifest.Documents} 条文件记录的摘要和 {manifest.Seals} 个印章均已核对。");
            return 0;
        }
        catch (DomainException e)
        {
            return await RefuseAsync(error, [e.Message]);
        }
    }

    private static async Task<int> RefuseAsync(TextWriter error, IEnumerable<string> problems)
    {
        await error.WriteLineAsync("拒绝恢复，没有改动任何数据：");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync("  " + problem);
        }

        return 1;
    }

    private static async Task<BackupManifest> ReadManifestAsync(string folder, MasterKey masterKey)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        var macPath = Path.Combine(folder, BackupManifest.MacFileName);
        if (!File.Exists(path) || !File.Exists(macPath))
        {
            throw new DomainException(DomainErrorCodes.RestoreManifestMissing, folder);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var expected = masterKey.Mac(BackupManifest.MacPurpose, bytes);
        byte[] given;
        try
        {
            given = Convert.FromHexString((await File.ReadAllTextAsync(macPath)).Trim());
        }
        catch (FormatException)
        {
            given = [];
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw new DomainException(DomainErrorCodes.RestoreManifestForged);
        }

        return JsonSerializer.Deserialize<BackupManifest>(bytes, BackupCommand.Json) is { Format: BackupManifest.CurrentFormat } manifest
            ? manifest
            : throw new DomainException(DomainErrorCodes.RestoreManifestMissing, folder);
    }

    private static async Task EnsureEmptyTargetAsync(PlatformSettings settings)
    {
        if (Directory.Exists(settings.FilesFolder) && Directory.EnumerateFiles(settings.FilesFolder, "*", SearchOption.AllDirectories).Any())
        {
            throw new DomainException(DomainErrorCodes.RestoreTargetNotEmpty, settings.FilesFolder);
        }

        if (settings.UsePostgres)
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('public', 'hangfire')", connection);
            if ((long)(await tables.ExecuteScalarAsync())! > 0)
            {
                throw new DomainException(DomainErrorCodes.RestoreTargetNotEmpty, new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database);
            }
        }
        else if (File.Exists(SqlitePath(settings)))
        {
            throw new DomainException(DomainErrorCodes.RestoreTargetNotEmpty, SqlitePath(settings));
        }
    }

    private static async Task<List<string>> RestoreSqliteAsync(string folder, BackupManifest manifest, PlatformSettings settings)
    {
        var target = SqlitePath(settings);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = target + ".restoring";
        File.Copy(Path.Combine(folder, manifest.Database.Path), staging, overwrite: true);
        List<string> problems;
        await using (var connection = new SqliteConnection($"Data Source={staging};Pooling=False"))
        {
            await connection.OpenAsync();
            problems = await VerifyAsync(connection, null, postgres: false, manifest, Path.Combine(folder, "files"));
        }

        if (problems.Count > 0)
        {
            File.Delete(staging);
            return problems;
        }

        File.Move(staging, target);
        return problems;
    }

    private static async Task<List<string>> RestorePostgresAsync(string folder, BackupManifest manifest, PlatformSettings settings)
    {
        await ExternalTool.RunAsync("pg_restore", settings.ConnectionString,
            ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname=" + new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database,
                Path.Combine(folder, manifest.Database.Path)]);
        List<string> problems;
        await using (var connection = new NpgsqlConnection(settings.ConnectionString))
        {
            await connection.OpenAsync();
            problems = await VerifyAsync(connection, null, postgres: true, manifest, Path.Combine(folder, "files"));
            if (problems.Count > 0)
            {
                // the target was empty before: take back everything the restore made
                await using var wipe = new NpgsqlCommand("DROP SCHEMA IF EXISTS hangfire CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
                await wipe.ExecuteNonQueryAsync();
            }
        }

        NpgsqlConnection.ClearAllPools();
        return problems;
    }

    /// <summary>Every check on the restored database; the backup's own files stand in for the file store.</summary>
    private static async Task<List<string>> VerifyAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, bool postgres,
        BackupManifest manifest, string filesRoot)
    {
        var problems = new List<string>();
        var counts = await SnapshotReader.CountsAsync(connection, transaction, postgres);
        foreach (var (table, expected) in manifest.Counts)
        {
            var actual = counts.GetValueOrDefault(table, -1);
            if (actual != expected)
            {
                problems.Add(DomainText.Get(DomainErrorCodes.RestoreCountMismatch, table, actual, expected));
            }
        }

        await using var db = SnapshotReader.Context(connection, transaction, postgres);
        var chain = await new AuditLog(db).VerifyChainAsync();
        if (!chain.IsIntact)
        {
            problems.Add(DomainText.Get(DomainErrorCodes.RestoreAuditBroken, chain.Message));
        }
        else if (chain.LastSequence != manifest.AuditLastSequence || chain.LastHash != manifest.AuditLastHash)
        {
            problems.Add(DomainText.Get(DomainErrorCodes.RestoreAuditHeadMismatch, chain.LastSequence, manifest.AuditLastSequence));
        }

        var store = new LocalFileStore(filesRoot);
        var documents = await db.Documents.AsNoTracking().ToListAsync();
        var bytesOf = new Dictionary<Guid, byte[]?>();
        foreach (var document in documents)
        {
            var path = store.PathOf(document.StorageKey);
            var bytes = File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
            bytesOf[document.Id] = bytes;
            var holds = bytes is not null && (document.Sm3.Length > 0
                ? Sm3.Hex(bytes) == document.Sm3
                : Convert.ToHexStringLower(SHA256.HashData(bytes)) == document.Sha256);
            if (!holds)
            {
                problems.Add(DomainText.Get(DomainErrorCodes.RestoreDocumentMismatch, document.FileName, document.Id));
            }
        }

        var seals = new SealService(db, store, TimeProvider.System);
        foreach (var seal in await db.SealConfirmations.AsNoTracking().ToListAsync())
        {
            var document = documents.FirstOrDefault(d => d.Id == seal.DocumentId);
            var bytes = document is null ? null : bytesOf[document.Id];
            var check = document is null ? null : await seals.CheckAsync(seal, document, bytes, bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (check is not { Matches: true })
            {
                problems.Add(DomainText.Get(DomainErrorCodes.RestoreSealInvalid, document?.FileName ?? seal.DocumentId.ToString(), seal.UnitName, check?.Problem ?? "文件记录缺失"));
            }
        }

        return problems;
    }

    private static string SqlitePath(PlatformSettings settings) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
}
