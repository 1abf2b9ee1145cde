using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.Host.Cli;
using Decoupling.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Decoupling.Host.Tests.Cli;

/// <summary>
/// `backup DIR` while reviewers complete cases, `restore DIR` into an empty folder or database: every count, digest,
/// seal and the audit chain are checked, and a case goes on in the restored platform; a changed backup is refused,
/// saying what is wrong, and leaves nothing behind. Both providers (subclasses below).
/// </summary>
public abstract class BackupRestoreTests(bool postgres) : IDisposable
{
    private const int Cases = 8;

    private static readonly string Model = ReviewModel.Sequential("backup-three-steps", "三部门审核", "role:LeadingGroup",
        ("staffing", "编办审核", "dept:bb"), ("finance", "财政审核", "dept:czj"), ("offices", "机关事务审核", "dept:jgswj"));

    private readonly PlatformFactory source = new(postgres);
    private readonly List<string> folders = [];
    private readonly List<string> databases = [];

    [Fact]
    public async Task A_backup_taken_while_cases_are_completed_restores_with_every_check_and_a_case_continues()
    {
        var (instances, documentId) = await ArrangeAsync();
        var bb = await source.SignedInAsync("bb");
        var completing = CompleteAllAsync(bb, instances);

        var backup = NewFolder(create: false);
        var (exit, output, error) = await RunAsync(BackupCommand.RunAsync, [backup, .. SourceSettings()]);
        var completedMeanwhile = await completing;
        Assert.True(exit == 0, error);
        Assert.Contains("备份完成", output, StringComparison.Ordinal);
        Assert.True(completedMeanwhile > 0);

        var (target, targetSettings) = await EmptyTargetAsync();
        (exit, output, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. targetSettings]);
        Assert.True(exit == 0, error);
        Assert.Contains("恢复完成", output, StringComparison.Ordinal);
        Assert.Contains("印章均已核对", output, StringComparison.Ordinal);

        await using var restored = Restored(target, targetSettings);
        var auditor = await SignInAsync(restored, "auditadmin");
        var chain = await auditor.GetFromJsonAsync<JsonObject>("/api/audit/verify");
        Assert.True(chain!["isIntact"]!.GetValue<bool>());
        var staff = await SignInAsync(restored, "assoc.ceramics");
        Assert.True((await staff.GetFromJsonAsync<JsonObject>($"/api/documents/{documentId}/seal/verify"))!["isIntact"]!.GetValue<bool>());

        // a case goes on: the finance review of a case that had passed staffing before the backup is completed now
        var czj = await SignInAsync(restored, "czj");
        var task = (await czj.GetFromJsonAsync<JsonObject>("/api/tasks?take=200"))!["items"]!.AsArray()
            .First(t => instances.Contains(t!["instanceId"]!.GetValue<Guid>()) && t["elementId"]!.GetValue<string>() == "finance");
        Assert.Equal(HttpStatusCode.NoContent, (await czj.PostAsJsonAsync($"/api/tasks/{task!["id"]}/complete", new { outcome = "approve", comment = "恢复后继续办理" })).StatusCode);
        var next = (await (await SignInAsync(restored, "jgswj")).GetFromJsonAsync<JsonObject>("/api/tasks?take=200"))!["items"]!.AsArray();
        Assert.Contains(next, t => t!["instanceId"]!.GetValue<Guid>() == task["instanceId"]!.GetValue<Guid>() && t["elementId"]!.GetValue<string>() == "offices");
    }

    [Fact]
    public async Task A_changed_backup_is_refused_naming_what_is_wrong_and_nothing_is_restored()
    {
        await ArrangeAsync();
        var backup = NewFolder(create: false);
        var (exit, _, error) = await RunAsync(BackupCommand.RunAsync, [backup, .. SourceSettings()]);
        Assert.True(exit == 0, error);

        // one changed byte in a stored file
        var file = Directory.GetFiles(Path.Combine(backup, "files"), "*", SearchOption.AllDirectories).First();
        var original = await File.ReadAllBytesAsync(file);
        var changed = (byte[])original.Clone();
        changed[changed.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(file, changed);
        var (target, settings) = await EmptyTargetAsync();
        (exit, _, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. settings]);
        Assert.Equal(1, exit);
        Assert.Contains("与清单不符", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(file), error, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(target, settings);
        await File.WriteAllBytesAsync(file, original);

        // a manifest edited to fit: its signature no longer holds
        var manifest = Path.Combine(backup, BackupManifest.FileName);
        var text = await File.ReadAllTextAsync(manifest);
        await File.WriteAllTextAsync(manifest, text.Replace("\"seals\": 1", "\"seals\": 2", StringComparison.Ordinal));
        (exit, _, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. settings]);
        Assert.Equal(1, exit);
        Assert.Contains("校验码不符", error, StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifest, text);

        // another master key cannot read the manifest's signature either
        (exit, _, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. settings.Select(s => s.StartsWith("--Security:MasterKey=", StringComparison.Ordinal) ? "--Security:MasterKey=" + new string('a', 32) : s)]);
        Assert.Equal(1, exit);
        Assert.Contains("校验码不符", error, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(target, settings);

        // the pristine backup restores; a second restore onto it is refused: never over data
        (exit, _, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. settings]);
        Assert.True(exit == 0, error);
        (exit, _, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. settings]);
        Assert.Equal(1, exit);
        Assert.Contains("不是空的", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A backup whose database was changed and whose manifest was then signed again (as someone holding the master key
    /// could): the restore still refuses it, naming the broken audit row, the document and the seal.
    /// </summary>
    protected async Task A_resigned_backup_with_a_changed_database_is_refused_by_its_contents_core()
    {
        await ArrangeAsync();
        var backup = NewFolder(create: false);
        var (exit, _, error) = await RunAsync(BackupCommand.RunAsync, [backup, .. SourceSettings()]);
        Assert.True(exit == 0, error);

        var database = Path.Combine(backup, "database", "platform.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = """
                UPDATE AuditLog SET Actor = 'someone.else' WHERE Sequence = 5;
                UPDATE Documents SET Sm3 = '0000000000000000000000000000000000000000000000000000000000000000' WHERE FileName = '章程修正案.docx' AND Version = 1;
                UPDATE SealConfirmations SET SignedContent = replace(SignedContent, '临沂市罗庄区陶瓷行业协会', '临沂市罗庄区另一协会');
                """;
            await tamper.ExecuteNonQueryAsync();
        }

        var key = Decoupling.Domain.Crypto.MasterKey.FromHex(await File.ReadAllTextAsync(Path.Combine(source.DataFolder, "secrets", "master.key")));
        var manifestPath = Path.Combine(backup, BackupManifest.FileName);
        var manifest = System.Text.Json.JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(manifestPath), BackupCommand.Json)!;
        manifest = manifest with { Database = await BackupCommand.DescribeAsync(backup, manifest.Database.Path) };
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, BackupCommand.Json);
        await File.WriteAllBytesAsync(manifestPath, bytes);
        await File.WriteAllTextAsync(Path.Combine(backup, BackupManifest.MacFileName), Convert.ToHexStringLower(key.Mac(BackupManifest.MacPurpose, bytes)));

        var (target, settings) = await EmptyTargetAsync();
        (exit, _, error) = await RunAsync(RestoreCommand.RunAsync, [backup, .. settings]);
        Assert.Equal(1, exit);
        Assert.Contains("审计日志链不完整", error, StringComparison.Ordinal);
        Assert.Contains("序号 5", error, StringComparison.Ordinal);
        Assert.Contains("章程修正案.docx", error, StringComparison.Ordinal);
        Assert.Contains("的摘要与备份中的文件内容不符", error, StringComparison.Ordinal);
        Assert.Contains("SM2 签名不成立", error, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(target, settings);
    }

    /// <summary>Deploys the model, starts the cases, has the association seal a document: a snapshot with something to check.</summary>
    private async Task<(List<Guid> Instances, Guid DocumentId)> ArrangeAsync()
    {
        var leading = await source.SignedInAsync("leading");
        (await leading.PostAsync("/api/definitions?name=backup.bpmn", new StringContent(Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var instances = new List<Guid>();
        foreach (var association in await source.AssociationsWithoutOpenCaseAsync("backup-three-steps", Cases))
        {
            var started = await leading.PostAsJsonAsync("/api/instances", new { key = "backup-three-steps", businessKey = association.Id.ToString() });
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            instances.Add((await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        // half the cases pass staffing before the backup starts, so the restored platform has finance reviews to do
        var bb = await source.SignedInAsync("bb");
        await CompleteAllAsync(bb, instances.Take(Cases / 2).ToList());

        var staff = await source.SignedInAsync("assoc.ceramics");
        var form = new MultipartFormDataContent { { new ByteArrayContent(EndToEnd.ProcedureDriver.Docx("章程修正案：同意脱钩。")), "file", "章程修正案.docx" } };
        var uploaded = await staff.PostAsync("/api/documents", form);
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/documents/{documentId}/seal", null)).StatusCode);
        return (instances, documentId);
    }

    private static async Task<int> CompleteAllAsync(HttpClient reviewer, List<Guid> instances)
    {
        var completed = 0;
        var tasks = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?take=200"))!["items"]!.AsArray()
            .Where(t => instances.Contains(t!["instanceId"]!.GetValue<Guid>())).ToList();
        foreach (var task in tasks)
        {
            var response = await reviewer.PostAsJsonAsync($"/api/tasks/{task!["id"]}/complete", new { outcome = "approve", comment = "同意" });
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
            completed++;
        }

        return completed;
    }

    private string[] SourceSettings()
    {
        _ = source.Services; // the host (and its PostgreSQL database) exists once it has been built
        return postgres
            ? [$"--DataFolder={source.DataFolder}", "--Database:Provider=Postgres", $"--ConnectionStrings:Default={source.ConnectionString}"]
            : [$"--DataFolder={source.DataFolder}"];
    }

    private async Task<(string Folder, string[] Settings)> EmptyTargetAsync()
    {
        var folder = NewFolder(create: true);
        var key = "--Security:MasterKey=" + (await File.ReadAllTextAsync(Path.Combine(source.DataFolder, "secrets", "master.key"))).Trim();
        if (!postgres)
        {
            return (folder, [$"--DataFolder={folder}", key]);
        }

        var database = await PostgresServer.CreateDatabaseAsync("restore");
        databases.Add(database);
        return (folder, [$"--DataFolder={folder}", key, "--Database:Provider=Postgres", $"--ConnectionStrings:Default={database}"]);
    }

    private async Task AssertNothingRestoredAsync(string folder, string[] settings)
    {
        Assert.False(File.Exists(Path.Combine(folder, "platform.db")));
        Assert.False(Directory.Exists(Path.Combine(folder, "files")) && Directory.EnumerateFiles(Path.Combine(folder, "files"), "*", SearchOption.AllDirectories).Any());
        if (postgres)
        {
            await using var connection = new NpgsqlConnection(settings.Single(s => s.StartsWith("--ConnectionStrings:Default=", StringComparison.Ordinal))["--ConnectionStrings:Default=".Length..]);
            await connection.OpenAsync();
            Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('public', 'hangfire')", connection).ExecuteScalarAsync());
        }
    }

    private static WebApplicationFactory<Program> Restored(string folder, string[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Jobs:Server", "false");
            foreach (var setting in settings)
            {
                var (name, value) = (setting[2..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                b.UseSetting(name, value);
            }
        });

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Luozhuang#2026", code = DemoAdmins.CodeFor(user) })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Func<string[], TextWriter, TextWriter, Task<int>> command, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await command(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string NewFolder(bool create)
    {
        var folder = Path.Combine(Path.GetTempPath(), "backup-test-" + Guid.NewGuid().ToString("N"));
        if (create)
        {
            Directory.CreateDirectory(folder);
        }

        folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        source.Dispose();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var database in databases)
        {
            PostgresServer.DropDatabaseAsync(database).GetAwaiter().GetResult();
        }
    }
}

public sealed class SqliteBackupRestoreTests() : BackupRestoreTests(postgres: false)
{
    [Fact]
    public Task A_resigned_backup_with_a_changed_database_is_refused_by_its_contents() => A_resigned_backup_with_a_changed_database_is_refused_by_its_contents_core();
}

public sealed class PostgresBackupRestoreTests() : BackupRestoreTests(postgres: true);
