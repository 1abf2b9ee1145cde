using Decoupling.Host.Components.Shared;

namespace Decoupling.Components.Tests;

/// <summary>The 后台任务运行情况 panel before any job has run: it says which runs will appear there and when.</summary>
public sealed class JobRunsPanelTests
{
    [Fact]
    public async Task An_empty_panel_names_each_job_with_its_schedule()
    {
        await using var platform = await PlatformFixture.CreateAsync("leading");

        var panel = platform.Context.Render<JobRunsPanel>();

        // the default schedules of JobsOptions, as an operator who changed nothing has them
        panel.WaitForAssertion(() => Assert.Contains("暂无运行记录", panel.Find("#job-runs-empty").TextContent));
        var text = panel.Find("#job-runs-empty").TextContent;
        Assert.Contains("超期待办扫描（每 15 分钟）", text);
        Assert.Contains("超期 2 个工作日", text);
        Assert.Contains("脱钩工作周台账（每周一 08:00）", text);
        Assert.Contains("审计抽查抽样（每月 1 日 03:00）", text);
    }
}
