namespace Decoupling.Engine.Runtime;

/// <summary>One active element of a migrated instance and where it goes in the target version.</summary>
public sealed record MigrationMove(string FromElementId, string ToElementId, int Tokens, int OpenTasks);
