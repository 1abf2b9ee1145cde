using Decoupling.Domain.Calendar;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Reminds the people of overdue tasks once a day, and escalates a task to the leading-group office once it is overdue by
/// more than <see cref="JobsOptions.EscalateAfterWorkingDays"/> working days (holidays and make-up days from the calendar
/// table). Idempotent: dedup keys make a second run, or a run on another host, send nothing new.
/// </summary>
public sealed class OverdueScanJob(
    WorkflowEngine engine,
    PlatformDbContext db,
    NotificationService notifications,
    DepartmentDirectory departments,
    IOptions<JobsOptions> options,
    IJobRunLog runs)
{
    public const string Name = "overdue-scan";

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<OverdueScanResult> RunAsync()
    {
        var settings = options.Value;
        var zone = settings.Zone();
        var now = engine.Clock.Now;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var runId = await runs.StartAsync(Name, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "正在查找超期待办");
        try
        {
            var result = await ScanAsync(runId, settings, zone, now, today);
            await runs.SucceedAsync(runId, $"提醒 {result.Reminded} 件，上报领导小组办公室 {result.Escalated} 件");
            return result;
        }
        catch (Exception failure)
        {
            await runs.FailAsync(runId, failure, CancellationToken.None);
            throw;
        }
    }

    private async Task<OverdueScanResult> ScanAsync(Guid runId, JobsOptions settings, TimeZoneInfo zone, DateTimeOffset now, DateOnly today)
    {
        var calendar = await WorkingDayCalendar.LoadAsync(db);
        var leadingGroup = await departments.FindByCodeAsync(settings.LeadingGroupDepartment);
        var reminded = 0;
        var escalated = 0;

        var overdue = await engine.Tasks.OverdueAsync(now);
        var done = 0;
        foreach (var task in overdue)
        {
            // a tick per tenth of the list: enough for the page, few writes on a long list
            if (overdue.Count >= 10 && done % (overdue.Count / 10) == 0)
            {
                await runs.ReportAsync(runId, done * 100 / overdue.Count, $"已检查 {done}/{overdue.Count} 件超期待办");
            }

            done++;

            var dueDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(task.DueAt!.Value, zone).DateTime);
            var title = $"待办已超期：{task.Name ?? task.ElementId}";
            var link = $"/tasks/{task.Id}";
            var reminderKey = $"overdue:{task.Id:N}:{today:yyyyMMdd}";
            if (!await db.Notifications.AnyAsync(n => n.DedupKey == reminderKey))
            {
                var body = $"业务 {task.BusinessKey} 的“{task.Name}”应于 {dueDay:yyyy年M月d日} 前办结，请尽快办理。";
                if (task.Assignee is { } assignee)
                {
                    await notifications.SendAsync(reminderKey, title, body, recipientUserId: assignee, link: link);
                }
                else if (await DepartmentOfAsync(task) is { } department)
                {
                    await notifications.SendAsync(reminderKey, title, body, recipientDepartmentId: department.Id, link: link);
                }

                reminded++;
            }

            var escalateOn = calendar.Add(dueDay, settings.EscalateAfterWorkingDays);
            var escalationKey = $"escalate:{task.Id:N}";
            if (today > escalateOn && leadingGroup is not null && !await db.Notifications.AnyAsync(n => n.DedupKey == escalationKey))
            {
                var overdueDays = calendar.Count(dueDay, today);
                await notifications.SendAsync(escalationKey, $"超期督办：{task.Name ?? task.ElementId}",
                    $"业务 {task.BusinessKey} 的“{task.Name}”已超期 {overdueDays} 个工作日，已上报领导小组办公室。",
                    recipientDepartmentId: leadingGroup.Id, link: link);
                await JournalEscalationAsync(task, overdueDays);
                escalated++;
            }
        }

        return new OverdueScanResult(reminded, escalated);
    }

    /// <summary>The escalation is an urge (催办) by the system in the instance's journal, so the case record shows it.</summary>
    private async Task JournalEscalationAsync(HumanTask task, int overdueDays)
    {
        try
        {
            await engine.Tasks.UrgeAsync(task.Id, Actor.System, $"超期 {overdueDays} 个工作日，已上报领导小组办公室");
        }
        catch (Exception ex) when (ex is EngineException or EngineConflictException)
        {
            // urged a moment ago, or completed meanwhile: the notice above already stands
        }
    }

    private async Task<Department?> DepartmentOfAsync(HumanTask task)
    {
        var code = task.CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(g => g.StartsWith("dept:", StringComparison.Ordinal))?["dept:".Length..];
        return code is null ? null : await departments.FindByCodeAsync(code);
    }
}
