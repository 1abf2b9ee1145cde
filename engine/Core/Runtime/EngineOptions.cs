namespace Decoupling.Engine.Runtime;

/// <summary>Engine settings that operators may change; defaults suit approval workloads.</summary>
public sealed class EngineOptions
{
    /// <summary>Attempts of a failing service task before it becomes an incident.</summary>
    public int JobRetries { get; set; } = 3;

    /// <summary>Waits between attempts; the last value repeats.</summary>
    public TimeSpan[] RetryBackoff { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>Outcomes that count as approval / rejection for multi-approver tasks (会签 pass ratio).</summary>
    public string[] ApproveOutcomes { get; set; } = ["approve", "approved", "pass"];

    public string[] RejectOutcomes { get; set; } = ["reject", "rejected", "return"];

    /// <summary>
    /// The zone of dates written without an offset in definitions and variables ("2026-03-01T17:00"): the district's
    /// clock, not the server's, whatever machine the engine runs on.
    /// </summary>
    public TimeZoneInfo TimeZone { get; set; } = ChinaStandardTime();

    /// <summary>Rules added on top of BPMN at deploy (the platform requires every user task to declare its form).</summary>
    public Decoupling.Engine.Parsing.ParseOptions Parsing { get; set; } = Decoupling.Engine.Parsing.ParseOptions.Default;

    /// <summary>Largest number of token moves in one step; a model that loops without waiting is stopped with an incident.</summary>
    public int MaxMovesPerStep { get; set; } = 10_000;

    private static TimeZoneInfo ChinaStandardTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // no tzdata on the machine: UTC+8 without daylight saving is what Asia/Shanghai has been since 1991
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
