namespace Decoupling.Engine.Entities;

/// <summary>A deployed, immutable version of one process. Redeploying identical XML (same SHA-256) is a no-op.</summary>
public sealed class DefinitionRecord
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string ResourceName { get; set; } = "";
    public string Xml { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}
