using Decoupling.Domain.Audit;
using Decoupling.Domain.Tests.Support;

namespace Decoupling.Domain.Tests;

/// <summary>
/// On SQLite (the embedded default) a save that loses the chain's next sequence number to another writer is saved
/// again: twenty writers on their own connections all succeed and the chain stays whole.
/// </summary>
public sealed class AuditChainConcurrencyTests
{
    [Fact]
    public async Task Simultaneous_saves_on_separate_connections_all_succeed_and_keep_the_chain_intact()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var db = database.Open();
            start.Wait();
            await new AuditLog(db).RecordAsync("test", "Writer", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        })).ToList();
        await Task.Delay(300);
        start.Set();
        await Task.WhenAll(writers);

        await using var check = database.Open();
        var report = await new AuditLog(check).VerifyChainAsync();
        Assert.True(report.IsIntact, report.Message);
        Assert.Equal(20, check.AuditEntries.Count(e => e.EntityType == "Writer"));
    }
}
