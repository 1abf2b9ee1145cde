using Decoupling.Application.Cases;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.Procedure;
using Decoupling.Domain.Calendar;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Supervision;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Supervision;

/// <summary>
/// Oversight that does not take over (R21, R26): on the district's working-day calendar, the responsible department is
/// reminded the working day before a task is due and each day it is overdue; once overdue by the configured number of
/// working days the task becomes a supervision item (督办) for the leading-group office, which urges the department. The
/// department keeps its task and its decision. Items close when their task is done. Idempotent: dedup keys and one item
/// per task make a second run, or a run on another host, change nothing.
/// </summary>
public sealed class OverdueScan(WorkflowEngine engine, IServiceScopeFactory scopes, CaseNames names, ProcedureTriggers triggers)
{
    public async Task<OverdueScanResult> RunAsync(int escalateAfterWorkingDays, string leadingGroupDepartment, Func<int, string, Task>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var now = engine.Clock.Now;
        var today = Day(now);
        await using var scope = UseCaseScope.Open(scopes, "system");
        var db = scope.Db;
        var notifications = scope.Get<NotificationService>();
        var calendar = await WorkingDayCalendar.LoadAsync(db, cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, cancellationToken);
        var office = departments.GetValueOrDefault(leadingGroupDepartment);
        var open = (await engine.Tasks.AllOpenAsync(100_000, cancellationToken)).Where(t => t.DueAt is not null).ToList();
        var caseNames = await names.ResolveAsync(open.Select(t => t.BusinessKey), cancellationToken);
        int reminded = 0, supervised = 0, done = 0;
        foreach (var task in open)
        {
            if (progress is not null && open.Count >= 10 && done % (open.Count / 10) == 0)
            {
                await progress(done * 100 / open.Count, $"已检查 {done}/{open.Count} 件有期限的待办");
            }

            done++;
            var dueDay = Day(task.DueAt!.Value);
            var caseName = task.BusinessKey is { } key ? caseNames.GetValueOrDefault(key, "") : "";
            var department = DepartmentOf(task, departments);
            var link = $"/tasks/{task.Id}";
            if (now <= task.DueAt && calendar.Count(today, dueDay) <= 1)
            {
                reminded += await RemindAsync(db, notifications, task, department, $"due-soon:{task.Id:N}", $"待办即将到期：{task.Name}",
                    $"{caseName}的“{task.Name}”应于{dueDay:yyyy年M月d日}前办结。", link, cancellationToken);
            }
            else if (now > task.DueAt)
            {
                reminded += await RemindAsync(db, notifications, task, department, $"overdue:{task.Id:N}:{today:yyyyMMdd}", $"待办已超期：{task.Name}",
                    $"{caseName}的“{task.Name}”应于{dueDay:yyyy年M月d日}前办结，请尽快办理。", link, cancellationToken);
                var late = calendar.Count(dueDay, today);
                if (late >= escalateAfterWorkingDays && !await db.SupervisionItems.AnyAsync(i => i.TaskId == task.Id, cancellationToken))
                {
                    db.SupervisionItems.Add(new SupervisionItem
                    {
                        TaskId = task.Id, RootInstanceId = task.RootInstanceId, BusinessKey = task.BusinessKey, TaskName = $"{caseName}：{task.Name}",
                        Responsible = department?.Name, DueAt = task.DueAt.Value, OverdueWorkingDays = late, OpenedAt = now,
                    });
                    await db.SaveChangesAsync(cancellationToken);
                    if (office is not null)
                    {
                        await notifications.SendAsync($"supervise:{task.Id:N}", $"超期督办：{task.Name}",
                            $"{caseName}的“{task.Name}”已超期 {late} 个工作日（{department?.Name ?? "承办人"}），已列入督办。", recipientDepartmentId: office.Id,
                            link: "/dashboard", cancellationToken: cancellationToken);
                    }

                    await UrgeAsync(task, $"超期 {late} 个工作日，领导小组办公室督办", cancellationToken);
                    supervised++;
                }
            }
        }

        var stillOpen = open.Select(t => t.Id).ToHashSet();
        var closed = 0;
        foreach (var item in await db.SupervisionItems.Where(i => i.ClosedAt == null).ToListAsync(cancellationToken))
        {
            if (!stillOpen.Contains(item.TaskId) && (await engine.Tasks.GetAsync(item.TaskId, cancellationToken))?.State != HumanTaskState.Open)
            {
                item.ClosedAt = now;
                item.ClosingNote = "已办结";
                closed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await triggers.StartDueAsync(cancellationToken);
        return new OverdueScanResult(reminded, supervised, closed);
    }

    /// <summary>The office urges the department on a supervised task (督办): journaled in the case, noticed by the department.</summary>
    public async Task UrgeItemAsync(People.CaseActor actor, Guid itemId, string? note, CancellationToken cancellationToken = default)
    {
        if (!actor.IsLeadership)
        {
            // 督办 is the office's: a department urges through its own task page, never through the office's list
            throw new Errors.AppException(Errors.AppErrors.SupervisorsOnly);
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var item = await scope.Db.SupervisionItems.FirstOrDefaultAsync(i => i.Id == itemId && i.ClosedAt == null, cancellationToken)
            ?? throw new Errors.AppException(Errors.AppErrors.InstanceNotVisible, itemId);
        await engine.Tasks.UrgeAsync(item.TaskId, actor.Actor, note ?? "领导小组办公室督办", cancellationToken);
        item.UrgeCount++;
        await scope.Db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<int> RemindAsync(Domain.Persistence.PlatformDbContext db, NotificationService notifications, HumanTask task, Department? department,
        string key, string title, string body, string link, CancellationToken cancellationToken)
    {
        if (await db.Notifications.AnyAsync(n => n.DedupKey == key, cancellationToken))
        {
            return 0;
        }

        if (task.Assignee is { } assignee)
        {
            await notifications.SendAsync(key, title, body, recipientUserId: assignee, link: link, cancellationToken: cancellationToken);
            return 1;
        }

        if (department is not null)
        {
            await notifications.SendAsync(key, title, body, recipientDepartmentId: department.Id, link: link, cancellationToken: cancellationToken);
            return 1;
        }

        return 0;
    }

    private async Task UrgeAsync(HumanTask task, string comment, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Tasks.UrgeAsync(task.Id, Actor.System, comment, cancellationToken);
        }
        catch (Exception ex) when (ex is EngineException or Engine.Store.EngineConflictException)
        {
            // urged a moment ago, or completed meanwhile: the supervision item stands
        }
    }

    private static Department? DepartmentOf(HumanTask task, IReadOnlyDictionary<string, Department> departments) =>
        task.CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(g => g.StartsWith(People.CaseActor.DepartmentGroupPrefix, StringComparison.Ordinal))
            .Select(g => departments.GetValueOrDefault(g[People.CaseActor.DepartmentGroupPrefix.Length..])).FirstOrDefault(d => d is not null);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
