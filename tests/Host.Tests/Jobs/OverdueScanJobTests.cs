using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Decoupling.Engine;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>
/// The overdue scan on a controllable clock, over the seeded 2026 calendar: a task due Friday 13 February escalates two
/// working days later — Saturday 14th (a make-up working day) and Tuesday 24th (after the Spring Festival) — so on the 25th.
/// </summary>
public sealed class OverdueScanJobTests : IAsyncLifetime
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" name="财政审核" camunda:candidateGroups="dept:czj" camunda:dueDate="2026-02-13T17:00:00+08:00" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly string path = Path.Combine(Path.GetTempPath(), $"overdue-{Guid.NewGuid():N}.db");
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 2, 12, 9, 0, 0, TimeSpan.FromHours(8)));
    private WorkflowEngine engine = null!;
    private Guid instanceId;

    public async Task InitializeAsync()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            await new Seeder(db, SeedFiles.Locate(AppContext.BaseDirectory)!).SeedAsync();
        }

        engine = new WorkflowEngine(new InMemoryEngineStore(), new HandlerDispatcher([]), clock: clock);
        await engine.DeployAsync(Model, "review.bpmn", "admin");
        instanceId = (await engine.StartAsync("review", "assoc-7", null, Actor.User("jxj"))).Id;
    }

    public Task DisposeAsync()
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    private SqlitePlatformDbContext Open() => PlatformDatabase.CreateSqlite($"Data Source={path};Pooling=False", time: new ClockTimeProvider(clock));

    private readonly RecordingJobRunLog runs = new();

    private async Task<OverdueScanResult> ScanAtAsync(int month, int day)
    {
        clock.MoveTo(new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var db = Open();
        var time = new ClockTimeProvider(clock);
        var job = new OverdueScanJob(engine, db, new NotificationService(db, time), new DepartmentDirectory(db), Options.Create(new JobsOptions()), runs);
        return await job.RunAsync();
    }

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = Open();
        return await db.Notifications.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_task_not_yet_due_gets_no_reminder()
    {
        Assert.Equal(new OverdueScanResult(0, 0), await ScanAtAsync(2, 13));
        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task An_overdue_task_reminds_its_department_once_a_day()
    {
        Assert.Equal(new OverdueScanResult(1, 0), await ScanAtAsync(2, 16));
        Assert.Equal(new OverdueScanResult(0, 0), await ScanAtAsync(2, 16));
        Assert.Equal(new OverdueScanResult(1, 0), await ScanAtAsync(2, 17));
        // each scan is a run of its day, recorded with what it did
        Assert.Equal(["start overdue-scan 2026-02-16", "succeeded 提醒 1 件，上报领导小组办公室 0 件", "start overdue-scan 2026-02-16",
            "succeeded 提醒 0 件，上报领导小组办公室 0 件", "start overdue-scan 2026-02-17", "succeeded 提醒 1 件，上报领导小组办公室 0 件"], runs.Calls);

        var notices = await NotificationsAsync();
        Assert.Equal(2, notices.Count);
        await using var db = Open();
        var finance = await new DepartmentDirectory(db).FindByCodeAsync("czj");
        Assert.All(notices, n => Assert.Equal(finance!.Id, n.RecipientDepartmentId));
    }

    [Fact]
    public async Task Escalation_counts_working_days_so_the_holiday_does_not_count()
    {
        // eleven calendar days overdue on the 24th, but only the second working day after the due date
        Assert.Equal(0, (await ScanAtAsync(2, 24)).Escalated);
        Assert.Equal(1, (await ScanAtAsync(2, 25)).Escalated);
        Assert.Equal(0, (await ScanAtAsync(2, 25)).Escalated);
        Assert.Equal(0, (await ScanAtAsync(2, 26)).Escalated);

        await using var db = Open();
        var leading = await new DepartmentDirectory(db).FindByCodeAsync("fgj");
        Assert.Single(await NotificationsAsync(), n => n.RecipientDepartmentId == leading!.Id && n.Title.StartsWith("超期督办", StringComparison.Ordinal));
        var journal = await engine.GetJournalAsync(instanceId);
        var urged = Assert.Single(journal, j => j.Kind == "task-urged");
        Assert.Equal("system", urged.Actor);
        Assert.Contains("领导小组办公室", urged.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completed_task_is_no_longer_reminded()
    {
        var task = (await engine.Tasks.OfInstanceAsync(instanceId)).Single();
        await engine.Tasks.CompleteAsync(task.Id, Actor.User("czj", "dept:czj"), "approve", null, null);
        Assert.Equal(new OverdueScanResult(0, 0), await ScanAtAsync(3, 2));
    }
}
