using System.Text.Json.Nodes;
using System.Xml.Linq;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;
using Decoupling.Host.Components.Shared;

namespace Decoupling.Components.Tests;

/// <summary>
/// The task page's form is the definition's: for every user task of every shipped flow, the fields the API reports
/// (<see cref="TaskFieldView.Of"/>, the mapping GET /api/tasks/{id} uses) are the fields the page shows, read-only ones
/// as the case's facts, the others as inputs under their Chinese label; and a field added to a definition appears
/// without code.
/// </summary>
public sealed class TaskFormContractTests
{
    private static readonly string Workflows = Locate();

    public static TheoryData<string> Flows() => [.. Directory.GetFiles(Workflows, "*.bpmn").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order()];

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElsaDecoupling.sln")))
            {
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        throw new InvalidOperationException("ElsaDecoupling.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<FlowNode> UserTasks(string xml, string name) =>
        BpmnParser.Parse(xml, name).Processes.SelectMany(p => p.NodesById.Values).Where(n => n.Kind == FlowNodeKind.UserTask);

    private static IRenderedComponent<TaskForm> Render(BunitContext context, FlowNode task)
    {
        var fields = task.Form!.Fields.Where(f => f.Id != Engine.Model.Forms.FormDefinition.OutcomeFieldId).Select(f => TaskFieldView.Of(f, null)).ToList();
        return context.Render<TaskForm>(p => p
            .Add(c => c.Fields, fields)
            .Add(c => c.Values, fields.ToDictionary(f => f.Id, _ => (JsonNode?)null))
            .Add(c => c.Outcomes, TaskOutcomeView.Of(task.Form)));
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Every_user_task_shows_every_declared_field_under_its_label(string flow)
    {
        await using var context = ComponentContext.Create(SystemClock.Instance);
        var tasks = UserTasks(File.ReadAllText(Path.Combine(Workflows, flow + ".bpmn")), flow + ".bpmn").ToList();
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            Assert.True(task.Form is not null, $"{flow}#{task.Id} declares no form");
            var form = Render(context, task);
            foreach (var field in task.Form!.Fields.Where(f => f.Id != Engine.Model.Forms.FormDefinition.OutcomeFieldId))
            {
                var shown = field.Constraints.Readonly ? form.Find("#task-facts").TextContent : form.Find($"#field-{field.Id}").TextContent;
                Assert.True(shown.Contains(field.DisplayName, StringComparison.Ordinal), $"{flow}#{task.Id}: field {field.Id} ({field.DisplayName}) is not shown");
            }

            Assert.True(TaskOutcomeView.Of(task.Form).Count > 0, $"{flow}#{task.Id} declares no outcome");
        }
    }

    [Fact]
    public async Task A_field_added_to_a_definition_appears_on_the_task_page_without_code()
    {
        var xml = XDocument.Parse(File.ReadAllText(Path.Combine(Workflows, "item-review.bpmn")));
        XNamespace camunda = "http://camunda.org/schema/1.0/bpmn";
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var review = xml.Descendants(bpmn + "userTask").Single(t => (string?)t.Attribute("id") == "dReview");
        review.Descendants(camunda + "formData").Single().Add(new XElement(camunda + "formField",
            new XAttribute("id", "fiscalFundsChecked"), new XAttribute("label", "已核查财政资金使用情况"), new XAttribute("type", "boolean")));

        await using var context = ComponentContext.Create(SystemClock.Instance);
        var task = UserTasks(xml.ToString(), "item-review.bpmn").Single(t => t.Id == "dReview");
        var form = Render(context, task);

        Assert.Contains("已核查财政资金使用情况", form.Find("#field-fiscalFundsChecked").TextContent, StringComparison.Ordinal);
    }
}
