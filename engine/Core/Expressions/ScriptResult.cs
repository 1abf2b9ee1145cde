using System.Text.Json.Nodes;

namespace Decoupling.Engine.Expressions;

/// <summary>What a script produced: its completion value and the variables it set through <c>execution.setVariable</c>.</summary>
public sealed record ScriptResult(JsonNode? Value, JsonObject Changes);
