using System.Text.Json;
using Decoupling.Domain.Seals;

namespace Decoupling.Host.Cli;

/// <summary>
/// <c>verify FILE.docx [--keys KEYS.json] [--json]</c>: checks the electronic seals inside a Word document with nothing
/// but the file — no server, no database. With <c>--keys</c> (the trust list from <c>GET /api/seals/keys</c>) every
/// seal's key must also be a known unit's. Exit code 0 when every seal holds, 1 when one does not, 2 on bad usage.
/// </summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? file = null, keysFile = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--keys" when i + 1 < args.Length:
                    keysFile = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    file ??= args[i];
                    break;
            }
        }

        if (file is null)
        {
            await error.WriteLineAsync("用法：verify 文件.docx [--keys 单位公钥.json] [--json]");
            return 2;
        }

        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"文件不存在：{file}");
            return 2;
        }

        IReadOnlyCollection<TrustedKey>? trusted = null;
        if (keysFile is not null)
        {
            try
            {
                trusted = JsonSerializer.Deserialize<List<TrustedKey>>(await File.ReadAllTextAsync(keysFile), new JsonSerializerOptions(JsonSerializerDefaults.Web));
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                await error.WriteLineAsync($"公钥清单 {keysFile} 无法读取：{e.Message}");
                return 2;
            }
        }

        var report = DocxSealVerifier.Verify(await File.ReadAllBytesAsync(file), Path.GetFileName(file), trusted);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { report.FileName, report.ContentDigest, report.IsIntact, report.Problem, report.Seals },
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return report.IsIntact ? 0 : 1;
        }

        await output.WriteLineAsync($"文件：{report.FileName}");
        if (report.ContentDigest.Length > 0)
        {
            await output.WriteLineAsync($"内容摘要（SM3，不含印章）：{report.ContentDigest}");
        }

        foreach (var seal in report.Seals)
        {
            var at = seal.SealedAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss") ?? "?";
            await output.WriteLineAsync($"印章 {seal.Index}：{seal.UnitName}，{seal.Signer}，{at}，密钥 {seal.KeyId}：{(seal.Valid ? "有效" : "无效 —— " + seal.Problem)}");
        }

        if (report.Problem is not null)
        {
            await output.WriteLineAsync(report.Problem);
        }

        await output.WriteLineAsync(report.IsIntact
            ? $"结论：全部 {report.Seals.Count} 个印章有效，盖章后文件未被改动。"
            : "结论：校验不通过。");
        return report.IsIntact ? 0 : 1;
    }
}
