namespace Decoupling.Engine.Runtime;

/// <summary>One process of a deployed file: its version, and whether this deployment created it (false: identical XML, no-op).</summary>
public sealed record DeployResult(Guid DefinitionId, string Key, int Version, string? Name, bool Created);
