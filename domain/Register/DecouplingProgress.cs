namespace Decoupling.Domain.Register;

/// <summary>
/// What "finished" means for an association, once for every place that counts: its decoupling needs no more work in
/// this pilot — decoupled, deregistered, registration revoked, or set aside with a reason. Unit summaries, the district
/// evaluation, the ledger and the dashboards all count with this.
/// </summary>
public static class DecouplingProgress
{
    public static readonly IReadOnlyList<DecouplingOutcome> FinishedOutcomes =
        [DecouplingOutcome.Decoupled, DecouplingOutcome.Deregistered, DecouplingOutcome.Revoked, DecouplingOutcome.SetAside];

    public static bool IsFinished(DecouplingOutcome outcome) => FinishedOutcomes.Contains(outcome);

    public static bool IsFinished(Association association) => IsFinished(association.Outcome);

    /// <summary>A set of associations (a unit's, the district's) is done when it has at least one and every one is finished.</summary>
    public static bool AllFinished(IReadOnlyCollection<Association> associations) => associations.Count > 0 && associations.All(IsFinished);
}
