using Decoupling.Domain.Documents;
using Decoupling.Domain.Jobs;
using Decoupling.Domain.Persistence;
using Decoupling.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>A recurring job on PostgreSQL stopped half-way and run again for the same period leaves exactly one result.</summary>
public sealed class JobRestartOnPostgresTests(PostgresPlatform fixture) : IClassFixture<PostgresPlatform>
{
    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The job as its own host would build it, with the run log given (a test log that stops the run, or the real one).</summary>
    private static T Job<T>(IServiceProvider services, IJobRunLog? runs = null) where T : class =>
        runs is null ? services.GetRequiredService<T>() : ActivatorUtilities.CreateInstance<T>(services, runs);

    [Fact]
    public async Task A_ledger_run_stopped_after_the_workbook_and_run_again_leaves_one_ledger_and_one_notice()
    {
        var stopping = new RecordingJobRunLog(fixture.Factory.Services.GetRequiredService<IJobRunLog>()) { FailAtProgress = 70 };
        await Assert.ThrowsAsync<OperationCanceledException>(() => InScopeAsync(s => Job<WeeklyLedgerJob>(s, stopping).RunAsync()));
        // stopped where a killed process would be: workbook stored with its period key, leading group not yet told
        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Documents.CountAsync(d => d.Type == DocumentType.RegisterExport)));
        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Documents.CountAsync(d => d.Type == DocumentType.Summary)));
        Assert.Equal(0, await InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Notifications.CountAsync(n => n.DedupKey.StartsWith("ledger:"))));

        var documentId = await InScopeAsync(s => Job<WeeklyLedgerJob>(s).RunAsync());

        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var ledger = Assert.Single(await db.Documents.Where(d => d.Type == DocumentType.RegisterExport).ToListAsync());
            Assert.Equal(documentId, ledger.Id.ToString());
            Assert.EndsWith(".xlsx", ledger.FileName, StringComparison.Ordinal);

            // the Word summary beside it, written in the same unit of work, once as well, and readable
            var report = Assert.Single(await db.Documents.Where(d => d.Type == DocumentType.Summary).ToListAsync());
            Assert.EndsWith(".docx", report.FileName, StringComparison.Ordinal);
            var (_, content) = await s.GetRequiredService<DocumentService>().OpenAsync(report.Id);
            await using (content)
            {
                var buffer = new MemoryStream();
                await content.CopyToAsync(buffer);
                buffer.Position = 0;
                var html = DocxPreview.ToHtml(buffer, report.FileName);
                Assert.Contains("脱钩工作周报", html, StringComparison.Ordinal);
                Assert.Contains($"共 {await db.Associations.CountAsync()} 个", html, StringComparison.Ordinal);
                Assert.Contains("<td>业务主管单位</td>", html.Replace("<strong>", "").Replace("</strong>", ""), StringComparison.Ordinal);
            }
            var notice = Assert.Single(await db.Notifications.Where(n => n.DedupKey.StartsWith("ledger:")).ToListAsync());
            Assert.Contains(documentId!, notice.Link, StringComparison.Ordinal);
            var runs = await db.JobRuns.Where(r => r.JobName == WeeklyLedgerJob.Name).OrderBy(r => r.StartedAt).ToListAsync();
            Assert.Equal([JobRunOutcome.Failed, JobRunOutcome.Succeeded], runs.Select(r => r.Outcome));
            Assert.Single(runs.Select(r => r.PeriodKey).Distinct());
            Assert.Contains("stopped at 70", runs[0].Error, StringComparison.Ordinal);
            Assert.NotNull(runs[0].FinishedAt);
            Assert.Equal(100, runs[1].Progress);
            return true;
        });
    }
}
