using System.Text.Json.Nodes;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Starting a process: <see cref="FormVariables"/> come from a person and are checked against the start event's form;
/// <see cref="CaseFacts"/> come from the caller's own records (the platform reads them from the register) and may set
/// protected variables. Never put what a client sent into CaseFacts.
/// </summary>
public sealed record StartRequest(string Key)
{
    public string? BusinessKey { get; init; }

    public JsonObject? FormVariables { get; init; }

    public JsonObject? CaseFacts { get; init; }

    /// <summary>A version to start instead of the latest.</summary>
    public int? Version { get; init; }
}
