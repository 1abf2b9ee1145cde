using Decoupling.Domain.Audit;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public class AuditChainTests
{
    [Fact]
    public async Task Every_change_leaves_an_intact_chain()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        db.ActorOverride = "jxj";
        var association = await db.Associations.FirstAsync();
        association.Address = "临沂市罗庄区傅庄街道新址";
        await db.SaveChangesAsync();

        var report = await new AuditLog(db).VerifyChainAsync();
        var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();

        Assert.True(report.IsIntact, report.Message);
        Assert.Equal(await db.AuditEntries.CountAsync(), report.RowsChecked);
        Assert.Equal("Updated", last.Action);
        Assert.Equal("jxj", last.Actor);
        Assert.Contains("傅庄街道新址", last.Details);
    }

    [Fact]
    public async Task A_deleted_row_is_found_by_its_sequence_number()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditLog WHERE Sequence = 7");

        var report = await new AuditLog(db).VerifyChainAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(7, report.FirstBrokenSequence);
        Assert.Equal(DomainErrorCodes.AuditRowMissing, report.Code);
    }

    [Fact]
    public async Task An_altered_row_is_found_by_its_sequence_number()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        await db.Database.ExecuteSqlRawAsync("UPDATE AuditLog SET Actor = 'someone-else' WHERE Sequence = 12");

        var report = await new AuditLog(db).VerifyChainAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(12, report.FirstBrokenSequence);
        Assert.Equal(DomainErrorCodes.AuditRowAltered, report.Code);
    }

    [Fact]
    public async Task A_row_rewritten_with_a_fresh_hash_still_breaks_the_next_link()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var row = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 5);
        row.Details = "{}";
        var forged = AuditHasher.Compute(row);
        await db.Database.ExecuteSqlAsync($"UPDATE AuditLog SET Details = '{{}}', Hash = {forged} WHERE Sequence = 5");

        var report = await new AuditLog(db).VerifyChainAsync();

        Assert.Equal(6, report.FirstBrokenSequence);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_through_the_context()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var row = await db.AuditEntries.FirstAsync();
        row.Actor = "x";

        var error = await Assert.ThrowsAsync<Common.DomainException>(() => db.SaveChangesAsync());

        Assert.Equal(DomainErrorCodes.AuditAppendOnly, error.Code);
    }

    [Fact]
    public async Task Recorded_events_join_the_chain()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();

        await new AuditLog(db).RecordAsync("RegisterExported", "Register", "all", "{\"rows\":30}");

        Assert.True((await new AuditLog(db).VerifyChainAsync()).IsIntact);
        Assert.Equal("RegisterExported", (await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync()).Action);
    }
}
