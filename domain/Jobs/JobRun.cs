namespace Decoupling.Domain.Jobs;

/// <summary>
/// One run of a background job, kept so the admin page can show what ran, where, how far it got and how it ended —
/// including runs that failed half-way, which Hangfire's own history forgets after a while.
/// </summary>
public class JobRun
{
    public Guid Id { get; set; }

    /// <summary>The recurring job's id, e.g. weekly-ledger.</summary>
    public string JobName { get; set; } = "";

    /// <summary>The period the run works for (2026-W48, 2026-11, 2026-11-28); its idempotency key.</summary>
    public string PeriodKey { get; set; } = "";

    /// <summary>The machine and process that ran it, so two hosts' runs can be told apart.</summary>
    public string Node { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Progress { get; set; }

    /// <summary>What the run is doing or did, in Chinese for the page.</summary>
    public string Message { get; set; } = "";

    public JobRunOutcome Outcome { get; set; }

    public string? Error { get; set; }
}
