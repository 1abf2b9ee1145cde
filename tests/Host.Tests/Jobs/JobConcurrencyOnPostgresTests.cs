using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>
/// Two hosts sharing one PostgreSQL database run the same recurring jobs for the same period at the same moment (their
/// Hangfire servers each fire the job): one ledger, one notice, one audit draw.
/// </summary>
public sealed class JobConcurrencyOnPostgresTests(PostgresPlatform fixture) : IClassFixture<PostgresPlatform>
{
    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Two_hosts_running_the_same_periods_at_once_make_one_ledger_one_notice_and_one_audit_draw()
    {
        // the draw is among decoupled associations
        await InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Associations.OrderBy(a => a.Name).Take(10)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Outcome, DecouplingOutcome.Decoupled).SetProperty(a => a.OutcomeReason, "测试")));

        // each "host" has its own scope, context and connection; the start is lined up so both are in the work together
        using var start = new Barrier(2);
        async Task<(string? Ledger, int Drawn)> HostAsync()
        {
            await Task.Yield();
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            var ledgerRun = InScopeAsync(s => s.GetRequiredService<WeeklyLedgerJob>().RunAsync());
            var drawRun = InScopeAsync(s => s.GetRequiredService<AuditSamplingJob>().RunAsync());
            return (await ledgerRun, await drawRun);
        }

        var results = await Task.WhenAll(Task.Run(HostAsync), Task.Run(HostAsync));

        Assert.Equal(results[0], results[1]);
        Assert.True(results[0].Drawn > 0);
        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var ledger = Assert.Single(await db.Documents.Where(d => d.Type == DocumentType.RegisterExport).ToListAsync());
            Assert.Equal(results[0].Ledger, ledger.Id.ToString());
            Assert.Single(await db.Notifications.Where(n => n.DedupKey.StartsWith("ledger:")).ToListAsync());
            Assert.Equal(results[0].Drawn, await db.AuditSamples.CountAsync());
            Assert.Equal(results[0].Drawn, await db.AuditSamples.Select(a => a.AssociationId).Distinct().CountAsync());
            return true;
        });
    }
}
