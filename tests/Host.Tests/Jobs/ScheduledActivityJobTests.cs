using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>The recurring jobs that reuse custom activities, run twice in one period: one result, nothing duplicated.</summary>
public sealed class ScheduledActivityJobTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> job)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await job(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_weekly_ledger_is_written_once_a_week_with_one_notice()
    {
        var first = await RunAsync(s => s.GetRequiredService<WeeklyLedgerJob>().RunAsync());
        var second = await RunAsync(s => s.GetRequiredService<WeeklyLedgerJob>().RunAsync());

        Assert.NotNull(first);
        Assert.Equal(first, second);
        await RunAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            Assert.Equal(1, await db.Documents.CountAsync(d => d.Type == DocumentType.RegisterExport));
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.DedupKey.StartsWith("ledger:")));
            var (record, content) = await s.GetRequiredService<DocumentService>().OpenAsync(Guid.Parse(first!));
            await using (content)
            {
                var rows = MiniExcelLibs.MiniExcel.Query(content, useHeaderRow: true).ToList();
                Assert.True(rows.Count >= 30, $"{rows.Count} rows in {record.FileName}");
            }

            return true;
        });
    }

    [Fact]
    public async Task The_monthly_audit_draw_is_made_once_a_month()
    {
        // the draw is among associations whose assets have been reviewed or that are decoupled
        await RunAsync(s => s.GetRequiredService<PlatformDbContext>().Associations.OrderBy(a => a.Name).Take(10)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Outcome, Decoupling.Domain.Register.DecouplingOutcome.Decoupled).SetProperty(a => a.OutcomeReason, "测试")));
        var first = await RunAsync(s => s.GetRequiredService<AuditSamplingJob>().RunAsync());
        var samples = await RunAsync(s => s.GetRequiredService<PlatformDbContext>().AuditSamples.CountAsync());
        var second = await RunAsync(s => s.GetRequiredService<AuditSamplingJob>().RunAsync());

        Assert.True(first > 0);
        Assert.Equal(first, second);
        Assert.Equal(samples, await RunAsync(s => s.GetRequiredService<PlatformDbContext>().AuditSamples.CountAsync()));
    }
}
