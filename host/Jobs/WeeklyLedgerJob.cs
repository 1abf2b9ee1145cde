using System.Globalization;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Every week: the decoupling ledger (.xlsx) stored as a document, and a notice to the leading-group office. Once per
/// ISO week however often it runs.
/// </summary>
public sealed class WeeklyLedgerJob(ActivityJobRunner activities, NotificationService notifications, DepartmentDirectory departments, IOptions<JobsOptions> options, Engine.Services.IClock clock)
{
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string?> RunAsync()
    {
        var local = TimeZoneInfo.ConvertTime(clock.Now, options.Value.Zone());
        var week = $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}";
        var result = await activities.RunAsync("ledger.export", week);
        var documentId = result?["ledgerDocumentId"]?.GetValue<string>();
        if (documentId is not null && await departments.FindByCodeAsync(options.Value.LeadingGroupDepartment) is { } office)
        {
            await notifications.SendAsync($"ledger:{week}", $"脱钩工作周台账（{week}）", "本周脱钩工作台账已生成，请在文书中查看。", recipientDepartmentId: office.Id, link: $"/api/documents/{documentId}");
        }

        return documentId;
    }
}
