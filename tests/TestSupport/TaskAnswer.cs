using System.Text.Json.Nodes;

namespace Decoupling.TestSupport;

/// <summary>How a driver completes one task: the outcome, the form values and the comment.</summary>
public sealed record TaskAnswer(string? Outcome, JsonObject Variables, string? Comment = null);
