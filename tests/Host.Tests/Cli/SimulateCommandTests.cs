using System.Text.Json.Nodes;
using Decoupling.Host.Cli;

namespace Decoupling.Host.Tests.Cli;

/// <summary>The `simulate` command as DESIGN.md specifies it: one JSON object on stdout, exit codes for bad input.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private const string Review = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="number" />
            <bpmn:serviceTask id="number" name="编号" camunda:type="external" camunda:topic="issue-number" />
            <bpmn:boundaryEvent id="numberFailed" attachedToRef="number"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f6" sourceRef="numberFailed" targetRef="failedEnd" />
            <bpmn:endEvent id="failedEnd" />
            <bpmn:sequenceFlow id="f2" sourceRef="number" targetRef="check" />
            <bpmn:userTask id="check" name="部门审核" camunda:candidateGroups="dept:czj" />
            <bpmn:boundaryEvent id="remind" attachedToRef="check" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R3/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f5" sourceRef="remind" targetRef="reminded" />
            <bpmn:endEvent id="reminded" />
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="decide" />
            <bpmn:exclusiveGateway id="decide" default="again" />
            <bpmn:sequenceFlow id="ok" sourceRef="decide" targetRef="end"><bpmn:conditionExpression>${outcome == 'approve'}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="again" sourceRef="decide" targetRef="check" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
          <bpmn:error id="e1" errorCode="NUMBER_FAILED" />
        </bpmn:definitions>
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("simulate").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await SimulateCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Answered_tasks_are_used_in_order_and_the_run_completes()
    {
        var answers = File("a.json", """{"tasks": {"check": [{"outcome": "reject"}, {"outcome": "approve"}]}}""");
        var (code, output, _) = await RunAsync(File("m.bpmn", Review), "--answers", answers);

        Assert.Equal(0, code);
        var result = JsonNode.Parse(output)!.AsObject();
        Assert.True(result["completed"]!.GetValue<bool>());
        Assert.Equal(2, result["counters"]!["check"]!.GetValue<int>());
        Assert.Equal(1, result["counters"]!["end"]!.GetValue<int>());
        Assert.Empty(result["waiting"]!.AsArray());
    }

    [Fact]
    public async Task An_unanswered_task_waits_while_its_reminders_fire_on_the_virtual_clock()
    {
        var (code, output, _) = await RunAsync(File("m.bpmn", Review));

        Assert.Equal(0, code);
        var result = JsonNode.Parse(output)!.AsObject();
        Assert.False(result["completed"]!.GetValue<bool>());
        Assert.Equal(3, result["counters"]!["reminded"]!.GetValue<int>());
        Assert.Equal(["check"], result["waiting"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    [Fact]
    public async Task A_service_answer_naming_an_error_takes_the_boundary()
    {
        var answers = File("a.json", """{"services": {"number": {"error": "NUMBER_FAILED"}}}""");
        var (code, output, _) = await RunAsync(File("m.bpmn", Review), "--answers", answers);

        Assert.Equal(0, code);
        var result = JsonNode.Parse(output)!.AsObject();
        Assert.True(result["completed"]!.GetValue<bool>());
        Assert.Equal(1, result["counters"]!["failedEnd"]!.GetValue<int>());
        Assert.Null(result["counters"]!["check"]);
    }

    [Fact]
    public async Task An_invalid_model_exits_non_zero_naming_the_element()
    {
        var broken = Review.Replace("camunda:topic=\"issue-number\"", "", StringComparison.Ordinal);
        var (code, output, error) = await RunAsync(File("m.bpmn", broken));

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("number", error, StringComparison.Ordinal);
        Assert.Contains("BPMN_SERVICE_NO_TOPIC", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_bad_json_exits_with_a_clear_message()
    {
        var missing = await RunAsync(Path.Combine(dir, "nope.bpmn"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.bpmn", missing.Err, StringComparison.Ordinal);

        var badJson = await RunAsync(File("m.bpmn", Review), "--vars", File("v.json", "[1,2"));
        Assert.Equal(2, badJson.Code);
        Assert.Contains("JSON", badJson.Err, StringComparison.Ordinal);
    }
}
