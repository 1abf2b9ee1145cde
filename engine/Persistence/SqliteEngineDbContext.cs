using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// The engine's tables on SQLite (the embedded default). SQLite has no date type and EF cannot compare or order
/// DateTimeOffset stored as text, so every DateTimeOffset is stored as its UTC ticks (INTEGER): comparisons and ORDER BY
/// run in SQL and are exact. Values come back with offset zero (the same instant).
/// </summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options) : EngineDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<EngineJob>().HasIndex(x => x.DueAt).HasFilter("\"HasIncident\" = 0");
    }

    /// <summary>DateTimeOffset as UTC ticks; sortable, exact to the tick, independent of the offset it was written with.</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
