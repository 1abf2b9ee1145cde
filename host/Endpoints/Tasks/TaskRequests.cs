using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;

namespace Decoupling.Host.Endpoints.Tasks;

/// <summary>Bodies of the task operations.</summary>
public static class TaskRequests
{
    public sealed record Complete(string? Outcome, JsonObject? Variables, string? Comment);

    public sealed record Return(string TargetElementId, string? Comment);

    public sealed record Comment(string? Text);

    public sealed record ToUser(string UserName, string? Comment);

    public sealed record Signers(List<string> Users, SignerPosition Position, string? Comment);

    public sealed record Copy(List<string> Recipients, string? Comment);
}
