using Decoupling.Application.Cases;
using Decoupling.Application.Resources;
using Decoupling.Domain.Register;

namespace Decoupling.Application.Register;

/// <summary>
/// The one status of an association's decoupling, for the register, the unit's workbench, the portal, the dashboard
/// and the API: the register's outcome once it is final (已脱钩, 暂缓脱钩…), else the case's step while a case runs;
/// an entry the register marks 脱钩中 without a case on the platform (imported from the paper ledger) says so instead
/// of reading 尚未发起 beside 脱钩中.
/// </summary>
public sealed record AssociationStatus(AssociationStage Stage, string Label, string Detail, CaseProgress Progress)
{
    /// <summary>The register's outcome behind the status (a finished status is decoupled, set aside, revoked or deregistered).</summary>
    public DecouplingOutcome Outcome { get; init; }

    public static AssociationStatus Of(Association association, CaseProgress progress) => Compute(association, progress) with { Outcome = association.Outcome };

    private static AssociationStatus Compute(Association association, CaseProgress progress)
    {
        if (DecouplingProgress.IsFinished(association))
        {
            return new(AssociationStage.Finished, RegisterLabels.Display(association.Outcome), association.OutcomeReason ?? "", progress);
        }

        if (progress.Started && !progress.Finished)
        {
            var open = progress.OpenSteps.Count == 0 ? AppText.Get("STATUS_SYSTEM_WORKING") : string.Join("、", progress.OpenSteps);
            return new(AssociationStage.InProgress, RegisterLabels.Display(DecouplingOutcome.InProgress), AppText.Get("STATUS_STEP", progress.Step, open), progress);
        }

        if (association.Outcome == DecouplingOutcome.InProgress)
        {
            return new(AssociationStage.InProgress, RegisterLabels.Display(DecouplingOutcome.InProgress),
                progress.Finished ? AppText.Get("STATUS_CASE_ENDED_UNFINISHED") : AppText.Get("STATUS_OFFLINE"), progress);
        }

        return new(AssociationStage.NotStarted, AppText.Get("STATUS_NOT_STARTED"),
            progress.Finished ? AppText.Get("STATUS_CASE_ENDED_UNFINISHED") : "", progress);
    }

    /// <summary>The unit may start a case on the platform unless one is running or the register's outcome is final.</summary>
    public bool MayStartCase => Stage != AssociationStage.Finished && !(Progress.Started && !Progress.Finished);

    /// <summary>Label and detail in one line, as a table cell shows it.</summary>
    public string Text => Detail.Length == 0 ? Label : $"{Label}（{Detail}）";
}
