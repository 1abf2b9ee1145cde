using System.Diagnostics;

namespace Decoupling.Workflows.Tests;

/// <summary>
/// The designer's own tests (host/Designer, `npm test`): the lint rules the designer applies before publishing, run over
/// every shipped flow, and its diff and answers helpers. A flow that breaks a lint rule could not be republished from the
/// designer, so it fails here. The host's build has installed the designer's packages.
/// </summary>
public sealed class DesignerScriptTests
{
    [Fact]
    public async Task The_shipped_flows_pass_the_designer_lint_and_its_helpers_pass_their_tests()
    {
        var designer = Path.Combine(RepositoryFiles.Root, "host", "Designer");
        Assert.True(Directory.Exists(Path.Combine(designer, "node_modules")), "host/Designer/node_modules 不存在：先构建 host（会运行 npm ci）");
        var start = new ProcessStartInfo("npm", "test") { WorkingDirectory = designer, RedirectStandardOutput = true, RedirectStandardError = true };
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await npm.WaitForExitAsync(timeout.Token);

        var report = await output + await errors;
        Assert.True(npm.ExitCode == 0, report);
        Assert.Contains("# fail 0", report, StringComparison.Ordinal);
        Assert.Contains("# todo 0", report, StringComparison.Ordinal);
        foreach (var flow in RepositoryFiles.FlowKeys)
        {
            Assert.Matches($@"(?m)^ok \d+ - {flow}\.bpmn passes the recommended rules$", report);
        }
    }
}
