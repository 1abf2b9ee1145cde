using Decoupling.Application;
using Decoupling.Domain;
using Decoupling.Application.Supervision;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Decoupling.Domain.Supervision;
using Decoupling.Engine;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>
/// The overdue scan on a controllable clock, over the seeded 2026 calendar: a task due Friday 13 February is announced
/// the working day before, reminded each day it is overdue, and becomes a supervision item (督办) two working days after
/// the due date — Saturday 14th (a make-up working day) and Tuesday 24th (after the Spring Festival) — so on the 24th.
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
    private readonly string files = Path.Combine(Path.GetTempPath(), $"overdue-files-{Guid.NewGuid():N}");
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly RecordingJobRunLog runs = new();
    private WorkflowEngine engine = null!;
    private ServiceProvider services = null!;
    private Guid instanceId;

    public async Task InitializeAsync()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            await new Seeder(db, SeedFiles.Locate(AppContext.BaseDirectory)!).SeedAsync();
        }

        engine = new WorkflowEngine(new InMemoryEngineStore(), new HandlerDispatcher([]), clock: clock,
            extensions: new EngineExtensions { AccessPolicy = new Decoupling.Application.Access.PlatformAccessPolicy() });
        await engine.DeployAsync(Model, "review.bpmn", "admin");
        instanceId = (await engine.StartAsync("review", "assoc-7", null, Actor.System)).Id;

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(new ClockTimeProvider(clock));
        collection.AddDomain(usePostgres: false, $"Data Source={path};Pooling=False", files);
        collection.AddApplication();
        collection.AddSingleton(engine);
        services = collection.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private SqlitePlatformDbContext Open() => PlatformDatabase.CreateSqlite($"Data Source={path};Pooling=False", time: new ClockTimeProvider(clock));

    private async Task<OverdueScanResult> ScanAtAsync(int month, int day, int hour = 10)
    {
        clock.MoveTo(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8)));
        var job = new OverdueScanJob(services.GetRequiredService<OverdueScan>(), Options.Create(new JobsOptions()), clock, runs);
        return await job.RunAsync();
    }

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = Open();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync();
    }

    private async Task<List<SupervisionItem>> ItemsAsync()
    {
        await using var db = Open();
        return await db.SupervisionItems.AsNoTracking().ToListAsync();
    }

    private async Task<Guid> DepartmentIdAsync(string code)
    {
        await using var db = Open();
        return (await new DepartmentDirectory(db).FindByCodeAsync(code))!.Id;
    }

    [Fact]
    public async Task Two_working_days_before_the_due_day_nothing_is_sent()
    {
        Assert.Equal(new OverdueScanResult(0, 0, 0), await ScanAtAsync(2, 11));
        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task The_department_is_told_once_the_working_day_before_the_task_is_due()
    {
        Assert.Equal(new OverdueScanResult(1, 0, 0), await ScanAtAsync(2, 12));
        Assert.Equal(new OverdueScanResult(0, 0, 0), await ScanAtAsync(2, 13));

        var notice = Assert.Single(await NotificationsAsync());
        Assert.Equal(await DepartmentIdAsync("czj"), notice.RecipientDepartmentId);
        Assert.StartsWith("待办即将到期", notice.Title, StringComparison.Ordinal);
        Assert.Contains("2026年2月13日", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_task_reminds_its_department_once_a_day()
    {
        Assert.Equal(new OverdueScanResult(1, 0, 0), await ScanAtAsync(2, 13, hour: 18));
        Assert.Equal(new OverdueScanResult(0, 0, 0), await ScanAtAsync(2, 13, hour: 19));
        Assert.Equal(new OverdueScanResult(1, 0, 0), await ScanAtAsync(2, 14));
        // each scan is a run of its day, recorded with what it did
        Assert.Equal(["start overdue-scan 2026-02-13", "succeeded 提醒 1 件，列入督办 0 件，督办办结 0 件",
            "start overdue-scan 2026-02-13", "succeeded 提醒 0 件，列入督办 0 件，督办办结 0 件",
            "start overdue-scan 2026-02-14", "succeeded 提醒 1 件，列入督办 0 件，督办办结 0 件"], runs.Calls);

        var notices = await NotificationsAsync();
        Assert.Equal(2, notices.Count);
        var finance = await DepartmentIdAsync("czj");
        Assert.All(notices, n => Assert.Equal(finance, n.RecipientDepartmentId));
        Assert.All(notices, n => Assert.StartsWith("待办已超期", n.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supervision_counts_working_days_so_the_holiday_does_not_count()
    {
        // ten calendar days overdue on the 23rd, but only the first working day after the due date (the make-up Saturday)
        Assert.Equal(0, (await ScanAtAsync(2, 23)).Supervised);
        Assert.Equal(1, (await ScanAtAsync(2, 24)).Supervised);
        Assert.Equal(0, (await ScanAtAsync(2, 24)).Supervised);
        Assert.Equal(0, (await ScanAtAsync(2, 25)).Supervised);

        var item = Assert.Single(await ItemsAsync());
        Assert.Equal(2, item.OverdueWorkingDays);
        Assert.Equal("区财政局", item.Responsible);
        Assert.Null(item.ClosedAt);

        var office = await DepartmentIdAsync("fgj");
        Assert.Single(await NotificationsAsync(), n => n.RecipientDepartmentId == office && n.Title.StartsWith("超期督办", StringComparison.Ordinal));
        var journal = await engine.GetJournalAsync(instanceId);
        var urged = Assert.Single(journal, j => j.Kind == "task-urged");
        Assert.Equal("system", urged.Actor);
        Assert.Contains("领导小组办公室督办", urged.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervision_item_closes_when_its_task_is_done_and_a_done_task_is_no_longer_reminded()
    {
        await ScanAtAsync(2, 24);
        var task = (await engine.Tasks.OfInstanceAsync(instanceId)).Single();
        await engine.Tasks.CompleteAsync(task.Id, Actor.User("czj", "dept:czj"), "approve", null, null);

        Assert.Equal(new OverdueScanResult(0, 0, 1), await ScanAtAsync(2, 25));
        var item = Assert.Single(await ItemsAsync());
        Assert.NotNull(item.ClosedAt);
        Assert.Equal("已办结", item.ClosingNote);
        Assert.Equal(new OverdueScanResult(0, 0, 0), await ScanAtAsync(3, 2));
    }

    [Fact]
    public async Task The_office_urges_a_supervised_task_and_the_case_journal_names_who_urged()
    {
        await ScanAtAsync(2, 24);
        var item = Assert.Single(await ItemsAsync());
        Decoupling.Application.People.CaseActor officer;
        await using (var db = Open())
        {
            var office = await db.Departments.AsNoTracking().SingleAsync(d => d.Code == "fgj");
            var account = new Decoupling.Domain.Identity.PlatformUser { UserName = "leading", DepartmentId = office.Id };
            officer = new(account, office, null, ["LeadingGroup"], Actor.User("leading", "role:LeadingGroup", "dept:fgj"));
        }

        // the scan itself urged at ten; the office urges again later that day
        clock.MoveTo(new DateTimeOffset(2026, 2, 24, 15, 0, 0, TimeSpan.FromHours(8)));
        await services.GetRequiredService<OverdueScan>().UrgeItemAsync(officer, item.Id, "请于本周内办结");

        Assert.Equal(1, Assert.Single(await ItemsAsync()).UrgeCount);
        var journal = await engine.GetJournalAsync(instanceId);
        Assert.Contains(journal, j => j.Kind == "task-urged" && j.Actor == "leading" && j.Comment == "请于本周内办结");
    }
}
