using System.Text.Json.Nodes;
using Decoupling.Engine.Simulation;
using Decoupling.Host.Cli;

namespace Decoupling.Workflows.Tests;

/// <summary>
/// Every flow runs in the simulator with the answer files kept beside these tests (Simulations/&lt;flow&gt;/&lt;case&gt;.*.json):
/// vars, answers and the expected result — completed, the counters of key nodes, and what is left waiting.
/// </summary>
public sealed class SimulationTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var flow in RepositoryFiles.FlowKeys)
        {
            foreach (var expected in Directory.GetFiles(Path.Combine(RepositoryFiles.Simulations, flow), "*.expected.json").Order(StringComparer.Ordinal))
            {
                data.Add(flow, Path.GetFileName(expected)[..^".expected.json".Length]);
            }
        }

        return data;
    }

    private static string CaseFile(string flow, string name, string part) => Path.Combine(RepositoryFiles.Simulations, flow, $"{name}.{part}.json");

    private static JsonObject Expected(string flow, string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(CaseFile(flow, name, "expected")))!;

    private static List<string> With(JsonObject expected) => [.. (expected["with"] as JsonArray ?? []).Select(w => w!.GetValue<string>())];

    [Fact]
    public void Every_flow_has_at_least_one_simulation()
    {
        Assert.All(RepositoryFiles.FlowKeys, flow => Assert.Contains(Cases(), c => (string)c[0] == flow));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_simulation_gives_the_expected_result(string flow, string name)
    {
        var expected = Expected(flow, name);
        var others = With(expected).Select(w => (w + ".bpmn", RepositoryFiles.ReadFlow(w))).ToList();
        var variables = JsonNode.Parse(File.ReadAllText(CaseFile(flow, name, "vars"))) as JsonObject;
        var answers = SimulationAnswers.Parse(File.ReadAllText(CaseFile(flow, name, "answers")));

        var result = await Simulator.RunAsync(RepositoryFiles.ReadFlow(flow), flow + ".bpmn", others, variables, answers);

        Check(expected, result.ToJson(), $"{flow}/{name}");
    }

    /// <summary>The `simulate` command path, as an operator would run it on the files in the repository.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_simulate_command_gives_the_same_result(string flow, string name)
    {
        var expected = Expected(flow, name);
        var args = new List<string> { RepositoryFiles.Flow(flow) };
        foreach (var other in With(expected))
        {
            args.AddRange(["--with", RepositoryFiles.Flow(other)]);
        }

        args.AddRange(["--vars", CaseFile(flow, name, "vars"), "--answers", CaseFile(flow, name, "answers")]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await SimulateCommand.RunAsync([.. args], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        Check(expected, (JsonObject)JsonNode.Parse(stdout.ToString())!, $"simulate {flow}/{name}");
    }

    private static void Check(JsonObject expected, JsonObject actual, string what)
    {
        var incidents = actual["incidents"] as JsonArray ?? [];
        Assert.True(incidents.Count == 0, $"{what}: incidents {incidents.ToJsonString()}");
        Assert.Equal(expected["completed"]!.GetValue<bool>(), actual["completed"]!.GetValue<bool>());
        var counters = (JsonObject)actual["counters"]!;
        foreach (var (id, count) in (JsonObject)expected["counters"]!)
        {
            Assert.True(count!.GetValue<int>() == (counters[id]?.GetValue<int>() ?? 0),
                $"{what}: {id} expected {count} but was {counters[id]?.ToString() ?? "0"}; counters {counters.ToJsonString()}");
        }

        Assert.Equal(
            (expected["waiting"] as JsonArray ?? []).Select(w => w!.GetValue<string>()).Order(StringComparer.Ordinal),
            ((JsonArray)actual["waiting"]!).Select(w => w!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
