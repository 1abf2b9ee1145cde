using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public class PersistenceTests
{
    [Fact]
    public void Both_providers_have_migrations_matching_the_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgres.Database.HasPendingModelChanges());
        Assert.DoesNotContain(postgres.Model.GetEntityTypes(), e => e.GetTableName()!.StartsWith("wf_", StringComparison.Ordinal));
        Assert.Contains("CREATE TABLE \"Associations\"", postgres.Database.GenerateCreateScript());
    }

    [Fact]
    public async Task An_update_records_each_changed_field_in_the_history()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        db.ActorOverride = "jxj";
        var association = await db.Associations.AsNoTracking().SingleAsync(a => a.Name == "临沂市罗庄区铸造行业协会");
        var service = new RegisterService(db, TimeProvider.System);

        await service.UpdateAsync(association.Id, AssociationFields.From(association) with { MemberCount = 999, Address = "新地址" },
            association.ConcurrencyStamp);
        var history = await service.HistoryAsync(association.Id);

        Assert.Equal(["Address", "MemberCount"], history.Select(h => h.Field).Order());
        Assert.All(history, h => Assert.Equal("jxj", h.ChangedBy));
        Assert.Equal("999", history.Single(h => h.Field == "MemberCount").NewValue);

        var stale = await Assert.ThrowsAsync<Common.DomainException>(() =>
            service.UpdateAsync(association.Id, AssociationFields.From(association), association.ConcurrencyStamp));
        Assert.Equal(DomainErrorCodes.ConcurrencyConflict, stale.Code);
    }

    [Fact]
    public async Task Timestamps_can_be_ordered_in_sql_on_sqlite()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var since = DateTimeOffset.UtcNow.AddHours(-1);

        var recent = await db.AuditEntries.Where(e => e.At > since).OrderByDescending(e => e.At).Take(3).ToListAsync();

        Assert.Equal(3, recent.Count);
    }
}
