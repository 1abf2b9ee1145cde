using Decoupling.Domain.Audit;
using Decoupling.Domain.Crypto;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

/// <summary>The chain moved to SM3 row by row: rows written with SHA-256 before stay verifiable, each by its own algorithm.</summary>
public sealed class AuditAlgorithmTests
{
    [Fact]
    public async Task New_rows_are_hashed_with_sm3_and_older_sha256_rows_still_verify()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var rows = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.All(rows, r => Assert.Equal(AuditHasher.Sm3, r.Algorithm));
        var first = rows[0];
        Assert.Equal(Sm3.Hex(System.Text.Encoding.UTF8.GetBytes("SM3\n" + string.Join('\n', first.Sequence, first.PreviousHash,
            first.At.ToUnixTimeMilliseconds(), first.Actor, first.Action, first.EntityType, first.EntityId, first.Details))), first.Hash);

        // rewrite the whole chain as a database from before SM3 would hold it: SHA-256, algorithm column defaulted
        var previous = "";
        foreach (var row in rows)
        {
            row.Algorithm = AuditHasher.Sha256;
            row.PreviousHash = previous;
            row.Hash = AuditHasher.Compute(row);
            previous = row.Hash;
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditLog SET Algorithm = {0}, PreviousHash = {1}, Hash = {2} WHERE Sequence = {3}",
                row.Algorithm, row.PreviousHash, row.Hash, row.Sequence);
        }

        db.ChangeTracker.Clear();
        var association = await db.Associations.FirstAsync();
        association.Address = "临沂市罗庄区盛庄街道";
        await db.SaveChangesAsync();

        var report = await new AuditLog(db).VerifyChainAsync();
        Assert.True(report.IsIntact, report.Message);
        var newest = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(AuditHasher.Sm3, newest.Algorithm);
        var next = rows[^1].Sequence + 1;
        Assert.Equal(previous, (await db.AuditEntries.SingleAsync(e => e.Sequence == next)).PreviousHash);

        // relabelling an SM3 row as SHA-256 (to fit a forged hash) is an altered row
        await db.Database.ExecuteSqlRawAsync("UPDATE AuditLog SET Algorithm = 'SHA-256' WHERE Sequence = {0}", newest.Sequence);
        var broken = await new AuditLog(db).VerifyChainAsync();
        Assert.False(broken.IsIntact);
        Assert.Equal(newest.Sequence, broken.FirstBrokenSequence);
    }
}
