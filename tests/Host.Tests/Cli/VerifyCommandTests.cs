using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Host.Cli;

namespace Decoupling.Host.Tests.Cli;

/// <summary>
/// A document sealed in the platform, downloaded and checked elsewhere: `verify FILE.docx` (with the published trust
/// list) and POST /api/seals/verify agree that it holds, and that one changed byte breaks it.
/// </summary>
public sealed class VerifyCommandTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verify-test").FullName;

    [Fact]
    public async Task A_sealed_docx_verifies_offline_and_fails_after_one_byte_changes()
    {
        var staff = await fixture.Factory.SignedInAsync("assoc.ceramics");
        var form = new MultipartFormDataContent { { new ByteArrayContent(EndToEnd.ProcedureDriver.Docx("本会章程修正案，请予核准。")), "file", "章程修正案.docx" } };
        var id = (await (await staff.PostAsync("/api/documents", form)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var seal = await (await staff.PostAsync($"/api/documents/{id}/seal", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("SM2-SM3", seal!["algorithm"]!.GetValue<string>());
        var sealedId = seal["sealedDocumentId"]!.GetValue<Guid>();
        var bytes = await staff.GetByteArrayAsync($"/api/documents/{sealedId}");
        var file = Path.Combine(folder, "章程修正案.docx");
        await File.WriteAllBytesAsync(file, bytes);
        var keys = Path.Combine(folder, "keys.json");
        await File.WriteAllTextAsync(keys, await staff.GetStringAsync("/api/seals/keys"));

        var (exit, output) = await VerifyAsync(file, "--keys", keys);
        Assert.True(exit == 0, output);
        Assert.Contains("临沂市罗庄区陶瓷行业协会", output, StringComparison.Ordinal);
        Assert.Contains("全部 1 个印章有效", output, StringComparison.Ordinal);

        var api = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "章程修正案.docx" } };
        var report = await (await staff.PostAsync("/api/seals/verify", api)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(report!["isIntact"]!.GetValue<bool>());

        bytes[bytes.Length / 3] ^= 0x04;
        await File.WriteAllBytesAsync(file, bytes);
        (exit, output) = await VerifyAsync(file);
        Assert.Equal(1, exit);
        Assert.Contains("校验不通过", output, StringComparison.Ordinal);
        var changed = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "章程修正案.docx" } };
        Assert.False((await (await staff.PostAsync("/api/seals/verify", changed)).Content.ReadFromJsonAsync<JsonObject>())!["isIntact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_usage_is_told_in_chinese()
    {
        var error = new StringWriter();
        Assert.Equal(2, await VerifyCommand.RunAsync([], new StringWriter(), error));
        Assert.Contains("用法：verify", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await VerifyCommand.RunAsync([Path.Combine(folder, "nope.docx")], new StringWriter(), error));
        Assert.Contains("文件不存在", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await VerifyCommand.RunAsync(args, output, output);
        return (exit, output.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
