using System.Globalization;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Every week: the decoupling ledger (.xlsx) and a one-page Word summary stored as documents, and a notice to the leading-group office. Once per
/// ISO week however often it runs.
/// </summary>
public sealed class WeeklyLedgerJob(ActivityJobRunner activities, NotificationService notifications, DepartmentDirectory departments, IOptions<JobsOptions> options, Engine.Services.IClock clock, IJobRunLog runs)
{
    public const string Name = "weekly-ledger";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string?> RunAsync()
    {
        var local = TimeZoneInfo.ConvertTime(clock.Now, options.Value.Zone());
        var week = $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}";
        var runId = await runs.StartAsync(Name, week, "正在汇总协会名册、审核文件和上门次数");
        try
        {
            // the .xlsx and the period's idempotency key commit together inside the activity: a run killed after this
            // line leaves one ledger, and the next run of the week finds it instead of writing a second
            var result = await activities.RunAsync("ledger.export", week);
            var documentId = result?["ledgerDocumentId"]?.GetValue<string>();
            await runs.ReportAsync(runId, 70, "台账已生成，正在通知领导小组办公室");
            if (documentId is not null && await departments.FindByCodeAsync(options.Value.LeadingGroupDepartment) is { } office)
            {
                // the dedup key makes the notice once per week, whichever run gets here
                await notifications.SendAsync($"ledger:{week}", $"脱钩工作周台账（{week}）", "本周脱钩工作台账（Excel）和一页周报（Word）已生成，请在文书中查看。", recipientDepartmentId: office.Id, link: $"/api/documents/{documentId}");
            }

            await runs.SucceedAsync(runId, $"{week} 台账已生成并通知领导小组办公室");
            return documentId;
        }
        catch (Exception failure)
        {
            await runs.FailAsync(runId, failure, CancellationToken.None);
            throw;
        }
    }
}
