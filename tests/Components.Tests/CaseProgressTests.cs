using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Host.Components.Shared;

namespace Decoupling.Components.Tests;

/// <summary>
/// The association's progress bar reads the step from the flow's own step properties, so a redesigned flow keeps it right:
/// here a two-task flow whose nodes carry step 1 and step 2.
/// </summary>
public sealed class CaseProgressTests
{
    private const string Flow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="decoupling" name="脱钩" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="plan" />
            <bpmn:userTask id="plan" name="制定方案" camunda:candidateGroups="dept:jxj">
              <bpmn:extensionElements><camunda:properties><camunda:property name="step" value="1" /></camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="plan" targetRef="review" />
            <bpmn:userTask id="review" name="部门审核" camunda:candidateGroups="dept:czj">
              <bpmn:extensionElements><camunda:properties><camunda:property name="step" value="2" /></camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Ceramics = "临沂市罗庄区陶瓷行业协会";

    private static string[] Classes(IRenderedComponent<CaseProgress> bar) =>
        bar.FindAll(".step").Select(s => s.GetAttribute("class")!.Replace("step", string.Empty, StringComparison.Ordinal).Trim()).ToArray();

    private static async Task<(Guid Association, ProcessInstance Case)> StartCeramicsCaseAsync(PlatformFixture platform)
    {
        await platform.Engine.DeployAsync(Flow, "decoupling.bpmn", "test");
        var association = await platform.AssociationIdAsync(Ceramics);
        var started = await platform.Engine.StartAsync(new StartRequest("decoupling")
        {
            BusinessKey = association.ToString(),
            CaseFacts = new JsonObject { ["supervisoryUnitCode"] = "jxj" },
        }, Actor.System);
        return (association, started);
    }

    [Fact]
    public async Task An_association_without_a_case_shows_five_steps_and_says_it_has_not_started()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var association = await platform.AssociationIdAsync(Ceramics);

        var bar = platform.Context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));

        bar.WaitForAssertion(() => Assert.Contains("尚未发起脱钩", bar.Markup));
        Assert.Equal(["制定脱钩方案", "职能部门审核", "完成脱钩任务", "工作总结", "成效评估"], bar.FindAll(".step-name").Select(s => s.TextContent).ToArray());
        Assert.All(Classes(bar), c => Assert.Equal(string.Empty, c));
    }

    [Fact]
    public async Task The_association_sees_the_bar_follow_the_step_property_of_the_active_node()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var (association, instance) = await StartCeramicsCaseAsync(platform);

        var bar = platform.Context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));
        bar.WaitForAssertion(() => Assert.Equal(["active", "", "", "", ""], Classes(bar)));
        Assert.Contains("制定方案", bar.Find(".mud-typography-caption").TextContent);
        Assert.Equal($"instances/{instance.Id}", bar.Find("a").GetAttribute("href"));

        var unit = Actor.User("li", "dept:jxj");
        var task = (await platform.Engine.Tasks.InboxAsync(unit)).Single();
        await platform.Engine.Tasks.CompleteAsync(task.Id, unit, "approve", null, "同意");

        bar.Render();
        bar.WaitForAssertion(() => Assert.Equal(["done", "active", "", "", ""], Classes(bar)));
        Assert.Contains("部门审核", bar.Find(".mud-typography-caption").TextContent);
    }

    private static string Immediate(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task After_its_own_case_the_association_waits_for_its_units_summary_and_then_the_district_evaluation()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var (association, _) = await StartCeramicsCaseAsync(platform);
        foreach (var (user, group) in new[] { ("li", "dept:jxj"), ("wang", "dept:czj") })
        {
            var actor = Actor.User(user, group);
            await platform.Engine.Tasks.CompleteAsync((await platform.Engine.Tasks.InboxAsync(actor)).Single().Id, actor, "approve", null, "同意");
        }

        var bar = platform.Context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));
        // steps 1-3 are the association's own case; the summary is the unit's, not yet written
        bar.WaitForAssertion(() => Assert.Equal(["done", "done", "done", "active", ""], Classes(bar)));
        Assert.Contains("待业务主管单位报送工作总结", bar.Find(".mud-typography-caption").TextContent);

        await platform.Engine.DeployAsync(Immediate("unit-summary"), "unit-summary.bpmn", "test");
        await platform.Engine.StartAsync(new StartRequest("unit-summary") { BusinessKey = "jxj" }, Actor.System);
        bar.Render();
        bar.WaitForAssertion(() => Assert.Equal(["done", "done", "done", "done", "active"], Classes(bar)));

        await platform.Engine.DeployAsync(Immediate("evaluation"), "evaluation.bpmn", "test");
        await platform.Engine.StartAsync(new StartRequest("evaluation") { BusinessKey = "district" }, Actor.System);
        bar.Render();
        bar.WaitForAssertion(() => Assert.Equal(["done", "done", "done", "done", "done"], Classes(bar)));
        Assert.Contains("全区成效评估已完成", bar.Find(".mud-typography-caption").TextContent);
    }

    [Fact]
    public async Task A_case_that_ended_without_decoupling_says_how_it_ended_instead_of_waiting_for_a_summary()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var (association, _) = await StartCeramicsCaseAsync(platform);
        foreach (var (user, group) in new[] { ("li", "dept:jxj"), ("wang", "dept:czj") })
        {
            var actor = Actor.User(user, group);
            await platform.Engine.Tasks.CompleteAsync((await platform.Engine.Tasks.InboxAsync(actor)).Single().Id, actor, "approve", null, "同意");
        }

        await using (var scope = platform.Context.Services.CreateAsyncScope())
        {
            // what the flow's 登记库标记为暂缓脱钩 does after the office ends the case
            var db = scope.ServiceProvider.GetRequiredService<Decoupling.Domain.Persistence.PlatformDbContext>();
            var entry = await db.Associations.SingleAsync(a => a.Id == association);
            entry.Outcome = Decoupling.Domain.Register.DecouplingOutcome.SetAside;
            entry.OutcomeReason = "分离措施未获同意";
            await db.SaveChangesAsync();
        }

        var bar = platform.Context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));

        bar.WaitForAssertion(() => Assert.Contains("脱钩案件已终结：暂缓脱钩（分离措施未获同意）", bar.Find(".mud-typography-caption").TextContent));
        Assert.DoesNotContain("工作总结", bar.Find(".mud-typography-caption").TextContent);
        Assert.Equal("暂缓脱钩", bar.Find("#case-status").TextContent);
    }

    [Fact]
    public async Task The_supervisory_unit_recorded_at_the_start_sees_the_case_before_it_has_a_task()
    {
        await using var platform = await PlatformFixture.CreateAsync("jxj");
        var (association, _) = await StartCeramicsCaseAsync(platform);

        var bar = platform.Context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));

        bar.WaitForAssertion(() => Assert.Equal(["active", "", "", "", ""], Classes(bar)));
    }

    [Fact]
    public async Task A_department_that_is_no_party_to_the_case_learns_nothing_of_it()
    {
        await using var platform = await PlatformFixture.CreateAsync("wsb");
        var (association, _) = await StartCeramicsCaseAsync(platform);

        var bar = platform.Context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));

        bar.WaitForAssertion(() => Assert.Contains("尚未发起脱钩", bar.Markup));
        Assert.Empty(bar.FindAll("a"));
    }
}
