using Decoupling.Application.Supervision;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Every quarter of an hour: the application's overdue scan (reminders before and after the due day, 督办 items for the
/// leading-group office, steps 4 and 5 started when due), with its progress in the job-run log.
/// </summary>
public sealed class OverdueScanJob(OverdueScan scan, IOptions<JobsOptions> options, Engine.Services.IClock clock, IJobRunLog runs)
{
    public const string Name = "overdue-scan";

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<OverdueScanResult> RunAsync()
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.Now, settings.Zone()).DateTime);
        var runId = await runs.StartAsync(Name, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "正在查找到期和超期待办");
        try
        {
            var result = await scan.RunAsync(settings.EscalateAfterWorkingDays, settings.LeadingGroupDepartment,
                (percent, message) => runs.ReportAsync(runId, percent, message));
            await runs.SucceedAsync(runId, $"提醒 {result.Reminded} 件，列入督办 {result.Supervised} 件，督办办结 {result.Closed} 件");
            return result;
        }
        catch (Exception failure)
        {
            await runs.FailAsync(runId, failure, CancellationToken.None);
            throw;
        }
    }
}
