using Decoupling.Application.Cases;
using Decoupling.Application.Errors;
using Decoupling.Application.People;
using Decoupling.Application.Supervision;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Supervision;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// 督办 on the dashboard (R21): the office sees the open supervision items, longest overdue first, and urges the
/// responsible department from there (journaled in the case under the officer's name); a department cannot use the
/// office's list, and a closed item is no longer shown.
/// </summary>
public sealed class SupervisionDashboardTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    private T Get<T>() where T : notnull => fixture.Factory.Services.GetRequiredService<T>();

    private async Task<CaseActor> ActorAsync(string userName) => (await Get<ActorResolver>().ByUserNameAsync(userName))!;

    [Fact]
    public async Task The_office_sees_open_supervision_items_and_urges_the_department_from_the_dashboard()
    {
        var office = await ActorAsync("leading");
        var (associationId, _, _) = await platform.FreshAssociationAsync("zjj");
        var audit = await Get<CaseStarter>().StartAsync(office, "audit-check", associationId.ToString(), new());
        var task = Assert.Single(await platform.Engine.Tasks.OfInstanceAsync(audit.Id));
        var now = DateTimeOffset.UtcNow;
        SupervisionItem open, older, closed;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            open = new SupervisionItem { TaskId = task.Id, RootInstanceId = audit.Id, TaskName = "审计抽查", Responsible = "区审计局", DueAt = now.AddDays(-5), OverdueWorkingDays = 3, OpenedAt = now };
            older = new SupervisionItem { TaskId = Guid.NewGuid(), RootInstanceId = audit.Id, TaskName = "更早的督办", Responsible = "区财政局", DueAt = now.AddDays(-9), OverdueWorkingDays = 6, OpenedAt = now };
            closed = new SupervisionItem { TaskId = Guid.NewGuid(), RootInstanceId = audit.Id, TaskName = "已办结的督办", DueAt = now.AddDays(-9), OverdueWorkingDays = 6, OpenedAt = now, ClosedAt = now, ClosingNote = "已办结" };
            db.SupervisionItems.AddRange(open, older, closed);
            await db.SaveChangesAsync();
        }

        var snapshot = await Get<DashboardQueries>().SnapshotAsync(office);
        var shown = snapshot.Supervision.Where(i => i.RootInstanceId == audit.Id).ToList();
        Assert.Equal(["更早的督办", "审计抽查"], shown.Select(i => i.TaskName).ToArray());

        await Get<OverdueScan>().UrgeItemAsync(office, open.Id, null);

        Assert.Equal(1, (await Get<DashboardQueries>().SnapshotAsync(office)).Supervision.Single(i => i.Id == open.Id).UrgeCount);
        var journal = await platform.Engine.GetJournalAsync(audit.Id);
        Assert.Contains(journal, j => j.Kind == "task-urged" && j.Actor == "leading" && j.Comment == "领导小组办公室督办");

        var unit = await ActorAsync("zjj");
        var department = await Assert.ThrowsAsync<AppException>(() => Get<OverdueScan>().UrgeItemAsync(unit, open.Id, null));
        Assert.Equal("SUPERVISORS_ONLY", department.Code);
    }
    [Fact]
    public async Task The_dashboard_figures_come_from_the_supervision_and_window_records()
    {
        var office = await ActorAsync("leading");
        var before = await Get<DashboardQueries>().SnapshotAsync(office);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.SupervisionItems.AddRange(
                new SupervisionItem { TaskId = Guid.NewGuid(), RootInstanceId = Guid.NewGuid(), TaskName = "仍在督办", DueAt = now.AddDays(-9), OverdueWorkingDays = 6, OpenedAt = now },
                new SupervisionItem { TaskId = Guid.NewGuid(), RootInstanceId = Guid.NewGuid(), TaskName = "督办后办结", DueAt = now.AddDays(-9), OverdueWorkingDays = 6, OpenedAt = now, ClosedAt = now, ClosingNote = "已办结" });
            // three matters at the window: none, one and two visits to the desk
            foreach (var visits in new[] { 0, 1, 2 })
            {
                db.Matters.Add(new Decoupling.Domain.Matters.Matter { Subject = $"到窗口 {visits} 次", InPersonVisits = visits, ReceivedOn = today, StatutoryDueOn = today, PromisedDueOn = today, CreatedAt = now });
            }

            await db.SaveChangesAsync();
        }

        var after = await Get<DashboardQueries>().SnapshotAsync(office);

        Assert.Equal(before.Supervision.Count + 1, after.Supervision.Count);
        Assert.Equal(before.SupervisionClosed + 1, after.SupervisionClosed);
        Assert.Equal(before.Matters + 3, after.Matters);
        Assert.Equal(before.ZeroVisitMatters + 1, after.ZeroVisitMatters);
        Assert.Equal(before.AtMostOneVisitMatters + 2, after.AtMostOneVisitMatters);
    }
}
