namespace Decoupling.Host.Jobs;

/// <summary>
/// Schedules (cron, in <see cref="TimeZone"/>) and limits of the background jobs; section "Jobs" of the configuration,
/// so an operator changes them without a release.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Runs engine jobs that are due, in case a scheduled run was lost (in-memory storage restarted, a host died).</summary>
    public string EngineSweep { get; set; } = "* * * * *";

    public string OverdueScan { get; set; } = "*/15 * * * *";

    /// <summary>An overdue task is escalated to the leading-group office this many working days after its due date.</summary>
    public int EscalateAfterWorkingDays { get; set; } = 2;

    /// <summary>The working ledger for the leading group: Monday 08:00.</summary>
    public string WeeklyLedger { get; set; } = "0 8 * * 1";

    /// <summary>Audit spot-check draw: the first day of each month, 03:00.</summary>
    public string AuditSampling { get; set; } = "0 3 1 * *";

    /// <summary>Share of associations drawn for the audit spot-check, and the seed that makes the draw reproducible.</summary>
    public double AuditShare { get; set; } = 0.2;

    public int AuditSeed { get; set; } = 2018;

    /// <summary>The department code of the leading-group office that receives escalations.</summary>
    public string LeadingGroupDepartment { get; set; } = "fgj";

    public TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            // a machine without tzdata: Beijing time has had no daylight saving since 1991
            return TimeZoneInfo.CreateCustomTimeZone(TimeZone, TimeSpan.FromHours(8), TimeZone, TimeZone);
        }
    }
}
