using System.Text.Json.Nodes;

namespace Decoupling.Host.Endpoints.Instances;

/// <summary>Bodies of the instance operations.</summary>
public static class InstanceRequests
{
    public sealed record Start(string Key, string? BusinessKey, JsonObject? Variables, int? Version);

    public sealed record Cancel(string? Reason);

    public sealed record Migrate(Guid TargetDefinitionId, Dictionary<string, string>? Mapping, bool DryRun);

    public sealed record Variables(JsonObject Values, string? Comment);
}
