using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Host.Components.Pages.Unit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Decoupling.Components.Tests;

/// <summary>
/// The unit's workbench counts its associations by the one status every page shows: the ceramics association, decoupled
/// and so no longer naming 经信局 as its unit, stays on the workbench as 已脱钩 behind 显示已完成的协会 instead of
/// vanishing; an entry the ledger marks 脱钩中 without a case says so and can still be started.
/// </summary>
public sealed class UnitWorkspaceTests
{
    private const string Ceramics = "临沂市罗庄区陶瓷行业协会";

    [Fact]
    public async Task A_decoupled_association_stays_behind_the_filter_and_the_header_counts_it_as_finished()
    {
        await using var platform = await PlatformFixture.CreateAsync("jxj");
        platform.Context.Render<MudPopoverProvider>();
        var ceramics = await platform.AssociationIdAsync(Ceramics);
        string offline;
        await using (var scope = platform.Context.Services.CreateAsyncScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<RegisterService>();
            var entry = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Associations.AsNoTracking().SingleAsync(a => a.Id == ceramics);
            await register.UpdateAsync(ceramics, AssociationFields.From(entry) with { SupervisoryUnitId = null, Outcome = DecouplingOutcome.Decoupled, OutcomeReason = "已完成脱钩" }, entry.ConcurrencyStamp);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var other = await db.Associations.Where(a => a.SupervisoryUnitId == entry.SupervisoryUnitId && a.Id != ceramics).OrderBy(a => a.Name).FirstAsync();
            other.Outcome = DecouplingOutcome.InProgress;
            await db.SaveChangesAsync();
            offline = other.Name;
        }

        var page = platform.Context.Render<UnitWorkspace>();

        page.WaitForAssertion(() => Assert.Contains("已完成 1 个", page.Find("#unit-summary-line").TextContent));
        Assert.DoesNotContain(Ceramics, page.Find("#unit-associations").TextContent);
        var row = page.FindAll("#unit-associations tr").Single(r => r.TextContent.Contains(offline, StringComparison.Ordinal));
        Assert.Contains("脱钩中（登记库记为脱钩中，平台上尚未发起脱钩案件）", row.TextContent);
        Assert.Contains("发起脱钩", row.TextContent);

        page.Find("#show-finished").Change(true);

        page.WaitForAssertion(() => Assert.Contains(Ceramics, page.Find("#unit-associations").TextContent));
        var finished = page.FindAll("#unit-associations tr").Single(r => r.TextContent.Contains(Ceramics, StringComparison.Ordinal));
        Assert.Contains("已脱钩", finished.TextContent);
        Assert.DoesNotContain("发起脱钩", finished.TextContent);
    }
}
