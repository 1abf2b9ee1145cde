using System.Text.Json.Nodes;

namespace Decoupling.Engine.Tests.Conformance;

/// <summary>
/// One conformance case: Cases/NAME.bpmn (the model, with its diagram) and Cases/NAME.json: which models to deploy, the
/// steps to take (start, complete a task, correlate a message, throw a signal, move the clock, set variables) and what
/// each instance must show afterwards: its state, its trace (the elements it completed, in order), where its tokens are,
/// its variables and incidents. Expectations come from BPMN 2.0 (chapters 10 and 13) and Camunda 7's documented
/// behaviour, cited in "basis".
/// </summary>
public sealed class ConformanceCase
{
    private ConformanceCase(string name, JsonObject spec)
    {
        Name = name;
        Spec = spec;
    }

    public string Name { get; }

    public JsonObject Spec { get; }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Conformance", "Cases");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static ConformanceCase Load(string name) =>
        new(name, JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json"))) as JsonObject
            ?? throw new FormatException($"{name}.json: expected an object"));

    /// <summary>The models to deploy: "deploy" in the case, else NAME.bpmn.</summary>
    public IEnumerable<(string File, string Xml)> Models() =>
        (Spec["deploy"] as JsonArray)?.Select(f => f!.GetValue<string>()) is { } files
            ? files.Select(f => (f, File.ReadAllText(Path.Combine(Folder, f))))
            : [(Name + ".bpmn", File.ReadAllText(Path.Combine(Folder, Name + ".bpmn")))];

    public override string ToString() => Name;
}
