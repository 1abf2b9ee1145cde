using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Application.Cases;
using Decoupling.Application.Checklists;
using Decoupling.Application.People;
using Decoupling.Application.Register;
using Decoupling.Application.Supervision;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// One status for the register, the unit's workbench, the portal, the dashboard and the API: a case that starts reads
/// 脱钩中 at once (before the register job marks it), an entry the paper ledger marks 脱钩中 says it has no case instead of
/// 尚未发起, and an association that left its unit by decoupling stays with that unit as 已脱钩.
/// </summary>
public sealed class AssociationStatusTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    private T Get<T>() where T : notnull => fixture.Factory.Services.GetRequiredService<T>();

    private async Task<CaseActor> ActorAsync(string userName) => (await Get<ActorResolver>().ByUserNameAsync(userName))!;

    private static async Task<JsonObject> RowAsync(HttpClient client, Guid id)
    {
        var list = await client.GetFromJsonAsync<JsonObject>("/api/register?take=500");
        return list!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!.AsObject();
    }

    [Fact]
    public async Task A_started_case_reads_in_progress_on_every_page_and_in_the_api_at_once()
    {
        var (id, staff, _) = await platform.FreshAssociationAsync("nyj");
        var unit = await ActorAsync("nyj");
        Assert.Equal(AssociationStage.NotStarted, (await Get<RegisterQueries>().StatusAsync(unit, id)).Stage);

        await Get<CaseStarter>().StartAsync(unit, ProgressQueries.DecouplingProcess, id.ToString(), null);

        // the register's own column may still say 未启动 until its job runs; the status does not wait for it
        var status = await Get<RegisterQueries>().StatusAsync(unit, id);
        Assert.Equal(AssociationStage.InProgress, status.Stage);
        Assert.Equal("脱钩中", status.Label);
        Assert.StartsWith("第 1 步", status.Detail, StringComparison.Ordinal);
        Assert.False(status.MayStartCase);

        var row = await RowAsync(await fixture.Factory.SignedInAsync("nyj"), id);
        Assert.Equal("InProgress", row["decoupling"]!["stage"]!.GetValue<string>());
        Assert.Equal("脱钩中", row["decoupling"]!["label"]!.GetValue<string>());
        // the association reads the same status of its own entry
        var own = await (await fixture.Factory.SignedInAsync(staff)).GetFromJsonAsync<JsonObject>($"/api/register/{id}");
        Assert.Equal("脱钩中", own!["association"]!["decoupling"]!["label"]!.GetValue<string>());

        var snapshot = await Get<DashboardQueries>().SnapshotAsync(await ActorAsync("leading"));
        Assert.Equal(AssociationStage.InProgress, snapshot.Statuses[id].Stage);
    }

    [Fact]
    public async Task An_entry_marked_in_progress_without_a_case_says_so_and_may_still_be_started()
    {
        var (id, _, _) = await platform.FreshAssociationAsync("gsj");
        await SetAsync(id, a => a.Outcome = DecouplingOutcome.InProgress);

        var status = await Get<RegisterQueries>().StatusAsync(await ActorAsync("gsj"), id);

        Assert.Equal(AssociationStage.InProgress, status.Stage);
        Assert.Contains("尚未发起脱钩案件", status.Detail, StringComparison.Ordinal);
        Assert.True(status.MayStartCase);
    }

    [Fact]
    public async Task An_association_that_left_its_unit_by_decoupling_stays_with_that_unit_as_finished_and_no_other_unit_sees_it()
    {
        var (id, _, name) = await platform.FreshAssociationAsync("zjj");
        var entry = await platform.AssociationAsync(id);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            // what the registration's change does: the unit removed, the outcome decoupled, each change in the history
            var register = scope.ServiceProvider.GetRequiredService<RegisterService>();
            var fields = AssociationFields.From(entry) with { SupervisoryUnitId = null, Outcome = DecouplingOutcome.Decoupled, OutcomeReason = "已完成脱钩" };
            await register.UpdateAsync(id, fields, entry.ConcurrencyStamp);
        }

        var unit = await ActorAsync("zjj");
        var (found, _) = await Get<RegisterQueries>().SearchAsync(unit, name);
        Assert.Contains(found, a => a.Id == id);
        var status = await Get<RegisterQueries>().StatusAsync(unit, id);
        Assert.Equal(AssociationStage.Finished, status.Stage);
        Assert.Equal("已脱钩", status.Label);
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.Factory.SignedInAsync("zjj")).GetAsync($"/api/register/{id}")).StatusCode);

        // it reads the checklist of the association it left, without acting on it
        Assert.Equal(ChecklistRole.Reader, (await Get<ChecklistOperations>().GetAsync(unit, id)).Role);

        // another unit neither finds nor reads it
        var other = await ActorAsync("nyj");
        await Assert.ThrowsAsync<Decoupling.Application.Errors.AppException>(() => Get<ChecklistOperations>().GetAsync(other, id));
        Assert.DoesNotContain((await Get<RegisterQueries>().SearchAsync(other, name)).Items, a => a.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.Factory.SignedInAsync("nyj")).GetAsync($"/api/register/{id}")).StatusCode);

        // the unit's ledger counts it as the unit's, finished, and says it left the unit
        var ledger = await Get<DashboardQueries>().LedgerAsync(unit);
        var line = ledger.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single(r => r["协会商会名称"]?.ToString() == name);
        Assert.EndsWith("（已脱离）", line["业务主管单位"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("已脱钩", line["脱钩结果"]!.ToString());

        // the dashboard counts it with the unit it left
        var snapshot = await Get<DashboardQueries>().SnapshotAsync(await ActorAsync("leading"));
        Assert.Equal(entry.SupervisoryUnitId, snapshot.UnitOf(snapshot.Associations.Single(a => a.Id == id)));
        Assert.Equal(snapshot.Associations.Count(a => snapshot.Statuses[a.Id].Stage == AssociationStage.Finished), snapshot.Finished);
    }

    private async Task SetAsync(Guid id, Action<Association> change)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        change(await db.Associations.SingleAsync(a => a.Id == id));
        await db.SaveChangesAsync();
    }
}
