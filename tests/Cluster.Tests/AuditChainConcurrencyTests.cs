using Decoupling.Domain.Audit;
using Decoupling.Domain.Persistence;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// The audit chain under the write concurrency of a cluster, without the hosts: many writers, each its own connection as
/// a separate node's request would be, append at once. The cluster run found saves failing with a duplicate chain
/// sequence once their retries ran out.
/// </summary>
public sealed class AuditChainConcurrencyTests
{
    [Fact]
    public async Task Sixty_simultaneous_saves_on_separate_connections_all_succeed_and_keep_the_chain_intact()
    {
        var connection = await PostgresServer.CreateDatabaseAsync("audit_chain");
        try
        {
            await using (var db = PlatformDatabase.CreatePostgres(connection))
            {
                await db.Database.MigrateAsync();
            }

            using var start = new ManualResetEventSlim();
            var writers = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
            {
                await using var db = PlatformDatabase.CreatePostgres(connection);
                await db.Database.OpenConnectionAsync();
                start.Wait();
                // two rows per save: the queued event and nothing else, so the chain is the only thing writers share
                await new AuditLog(db).RecordAsync("test", "Writer", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            })).ToList();
            await Task.Delay(500);
            start.Set();
            await Task.WhenAll(writers);

            await using (var db = PlatformDatabase.CreatePostgres(connection))
            {
                var report = await new AuditLog(db).VerifyChainAsync();
                Assert.True(report.IsIntact, report.Message);
                Assert.Equal(60, await db.AuditEntries.CountAsync(e => e.EntityType == "Writer"));
                Assert.Equal(Enumerable.Range(1, (int)report.LastSequence).Select(s => (long)s), await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connection);
        }
    }
}
