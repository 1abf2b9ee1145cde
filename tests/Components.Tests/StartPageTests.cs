using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Host.Components.Pages.Start;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Decoupling.Components.Tests;

/// <summary>
/// 发起事项: the page offers what the signed-in person may start, renders the chosen process's start form from its
/// published definition (labels, choices, defaults in Chinese), and submitting it starts the case through the
/// application layer and opens it.
/// </summary>
public sealed class StartPageTests
{
    private const string Ceramics = "临沂市罗庄区陶瓷行业协会";

    private static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, "risk-report.bpmn")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("workflows");
    }

    private static async Task<PlatformFixture> PlatformAsync(string signedIn)
    {
        var platform = await PlatformFixture.CreateAsync(signedIn);
        foreach (var flow in new[] { "risk-report.bpmn", "evaluation.bpmn", "registration.bpmn" })
        {
            await platform.Engine.DeployAsync(await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder(), flow)), flow, "test");
        }

        platform.Context.Render<MudPopoverProvider>();
        return platform;
    }

    private static IRenderedComponent<StartPage> Open(PlatformFixture platform, string? query = null)
    {
        var navigation = platform.Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("start" + query);
        return platform.Context.Render<StartPage>();
    }

    [Fact]
    public async Task A_reviewer_is_offered_the_risk_report_only_and_sees_its_start_form_in_Chinese()
    {
        await using var platform = await PlatformAsync("czj");
        var page = Open(platform);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#start-processes button")));
        Assert.Equal("重要情况报告", page.Find("#process-risk-report").TextContent.Trim());
        Assert.Empty(page.FindAll("#process-evaluation"));

        page.Find("#process-risk-report").Click();

        page.WaitForAssertion(() => Assert.Equal("重要情况报告", page.Find("#start-title").TextContent));
        var labels = page.FindAll("#start-form label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["标题", "紧急程度", "情况和问题", "建议的处理意见"], labels.Select(l => l.TrimEnd('*').Trim()).ToArray());
        Assert.Contains("一般", page.Find("#field-severity").TextContent);
        Assert.Empty(page.FindAll("#start-subject"));
    }

    [Fact]
    public async Task Submitting_the_form_starts_the_case_for_the_association_and_opens_it()
    {
        await using var platform = await PlatformAsync("assoc.ceramics");
        var page = Open(platform, "?process=risk-report");
        page.WaitForAssertion(() => Assert.Equal("重要情况报告", page.Find("#start-title").TextContent));
        Assert.Equal(Ceramics, page.Find("#start-subject input").GetAttribute("value"));

        page.Find("#field-title input").Change("会费标准争议");
        page.Find("#field-description textarea").Change("部分会员对新的会费标准提出异议，需要协调处理。");
        page.Find("#start-submit").Click();

        var navigation = platform.Context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/instances/", navigation.Uri, StringComparison.Ordinal));
        var started = Assert.Single(await platform.Engine.ListInstancesAsync("risk-report"));
        Assert.EndsWith($"instances/{started.Id}", navigation.Uri, StringComparison.Ordinal);
        var variables = await platform.Engine.GetVariablesAsync(started.Id);
        Assert.Equal("会费标准争议", variables["title"]!.GetValue<string>());
        Assert.Equal("normal", variables["severity"]!.GetValue<string>());
        Assert.Equal(Ceramics, variables["associationName"]!.GetValue<string>());
        Assert.Equal("assoc.ceramics", variables["reporter"]!.GetValue<string>());
        Assert.Equal(InstanceState.Active, started.State);
    }

    [Fact]
    public async Task Required_fields_left_empty_are_named_in_Chinese_and_nothing_starts()
    {
        await using var platform = await PlatformAsync("czj");
        var page = Open(platform, "?process=risk-report");
        page.WaitForAssertion(() => Assert.Equal("重要情况报告", page.Find("#start-title").TextContent));

        page.Find("#start-submit").Click();

        page.WaitForAssertion(() => Assert.Contains("请填写“标题”", page.Find("#field-title").TextContent));
        Assert.Contains("请填写“情况和问题”", page.Find("#field-description").TextContent);
        Assert.Empty(await platform.Engine.ListInstancesAsync("risk-report"));
    }

    [Fact]
    public async Task The_engine_refusal_of_a_too_short_description_shows_at_the_field()
    {
        await using var platform = await PlatformAsync("czj");
        var page = Open(platform, "?process=risk-report");
        page.WaitForAssertion(() => Assert.Equal("重要情况报告", page.Find("#start-title").TextContent));

        page.Find("#field-title input").Change("拨款");
        page.Find("#field-description textarea").Change("太短");
        page.Find("#start-submit").Click();

        page.WaitForAssertion(() => Assert.Contains("“情况和问题”（description）至少要 10 个字", page.Find("#field-description").TextContent));
        Assert.Empty(await platform.Engine.ListInstancesAsync("risk-report"));
    }

    [Fact]
    public async Task A_link_to_a_process_the_person_may_not_start_says_so_in_Chinese()
    {
        await using var platform = await PlatformAsync("czj");
        var page = Open(platform, "?process=evaluation");

        page.WaitForAssertion(() => Assert.Contains("您不能发起该事项", page.Find("#start-notice").TextContent));
        Assert.Empty(page.FindAll("#start-form"));
    }

    [Fact]
    public async Task A_link_from_the_register_opens_the_deregistration_of_that_association_preset()
    {
        await using var platform = await PlatformAsync("registrar");
        var ceramics = await platform.AssociationIdAsync(Ceramics);

        var page = Open(platform, $"?process=registration&subject={ceramics}&mode=deregister");

        page.WaitForAssertion(() => Assert.Equal("登记办理（一窗通办）", page.Find("#start-title").TextContent));
        Assert.Equal(Ceramics, page.Find("#start-subject input").GetAttribute("value"));
        Assert.Contains("注销登记", page.Find("#field-mode").TextContent);
        Assert.Contains("网上申请", page.Find("#field-channel").TextContent);
        Assert.Equal(["process-registration", "process-risk-report"], page.FindAll("#start-processes button").Select(b => b.Id!).Order(StringComparer.Ordinal).ToArray());
    }
}
