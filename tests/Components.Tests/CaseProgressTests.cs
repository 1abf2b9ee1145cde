using Decoupling.Engine;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Host.Components.Shared;

namespace Decoupling.Components.Tests;

/// <summary>
/// The association's progress bar reads the step from the flow's own step properties, so a redesigned flow keeps it right:
/// here a two-task flow whose nodes carry step 1 and step 2.
/// </summary>
public sealed class CaseProgressTests : IAsyncLifetime
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

    private readonly WorkflowEngine engine = new(new InMemoryEngineStore(), new HandlerDispatcher([]));
    private readonly BunitContext context;

    public CaseProgressTests()
    {
        context = ComponentContext.Create(SystemClock.Instance);
        context.Services.AddSingleton(engine);
    }

    private static string[] Classes(IRenderedComponent<CaseProgress> bar) =>
        bar.FindAll(".step").Select(s => s.GetAttribute("class")!.Replace("step", string.Empty, StringComparison.Ordinal).Trim()).ToArray();

    [Fact]
    public void An_association_without_a_case_shows_five_steps_and_says_it_has_not_started()
    {
        var bar = context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, Guid.NewGuid()));

        Assert.Equal(["制定脱钩方案", "职能部门审核", "完成脱钩任务", "工作总结", "成效评估"], bar.FindAll(".step-name").Select(s => s.TextContent).ToArray());
        Assert.All(Classes(bar), c => Assert.Equal(string.Empty, c));
        Assert.Contains("尚未发起脱钩", bar.Markup);
    }

    [Fact]
    public async Task The_bar_follows_the_step_property_of_the_active_node()
    {
        await engine.DeployAsync(Flow, "decoupling.bpmn", "test");
        var association = Guid.NewGuid();
        var instance = await engine.StartAsync("decoupling", association.ToString(), null, Actor.User("jxj"));

        var bar = context.Render<CaseProgress>(p => p.Add(c => c.AssociationId, association));
        bar.WaitForAssertion(() => Assert.Equal(["active", "", "", "", ""], Classes(bar)));
        Assert.Contains("制定方案", bar.Find(".mud-typography-caption").TextContent);
        Assert.Equal($"instances/{instance.Id}", bar.Find("a").GetAttribute("href"));

        var task = (await engine.Tasks.InboxAsync(Actor.User("li", "dept:jxj"))).Single();
        await engine.Tasks.CompleteAsync(task.Id, Actor.User("li", "dept:jxj"), "approve", null, "同意");

        bar.Render();
        bar.WaitForAssertion(() => Assert.Equal(["done", "active", "", "", ""], Classes(bar)));
        Assert.Contains("部门审核", bar.Find(".mud-typography-caption").TextContent);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable
    public async Task DisposeAsync() => await context.DisposeAsync();
}
