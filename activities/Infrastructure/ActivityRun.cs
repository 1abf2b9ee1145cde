using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Engine.Services;

namespace Decoupling.Activities.Infrastructure;

/// <summary>One run of an activity: the engine's context, the checked inputs and the data scope.</summary>
public sealed class ActivityRun(ServiceTaskContext context, JsonObject inputs, ActivityScope scope)
{
    public ServiceTaskContext Context { get; } = context;

    public JsonObject Inputs { get; } = inputs;

    public ActivityScope Scope { get; } = scope;

    public string? Text(string name) => Inputs[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var node => node.ToJsonString(),
    };

    public string RequiredText(string name) => Text(name) ?? throw new ActivityInputException(Context.Topic, name, "不能为空");

    public Guid RequiredGuid(string name) => Guid.TryParse(Text(name), out var id) ? id
        : throw new ActivityInputException(Context.Topic, name, "应为 GUID");

    public Guid? OptionalGuid(string name) => Guid.TryParse(Text(name), out var id) ? id : null;

    public bool Flag(string name) => Inputs[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public double Number(string name, double fallback) =>
        double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : fallback;

    /// <summary>An input holding JSON: an object or array as given, or text parsed as JSON.</summary>
    public JsonNode? Json(string name) => Inputs[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : JsonNode.Parse(s),
        var node => node?.DeepClone(),
    };

    /// <summary>The current date in Beijing time (documents are dated locally).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Context.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
