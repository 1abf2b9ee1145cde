namespace Decoupling.Engine.Runtime;

/// <summary>What a migration did or would do: each active element's move, and every reason it cannot be done.</summary>
public sealed record MigrationPlan(Guid InstanceId, int FromVersion, int ToVersion, IReadOnlyList<MigrationMove> Moves, IReadOnlyList<string> Errors, bool Applied)
{
    public bool IsValid => Errors.Count == 0;
}
