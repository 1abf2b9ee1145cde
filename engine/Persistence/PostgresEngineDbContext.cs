using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// The engine's tables on PostgreSQL (production). DateTimeOffset maps to <c>timestamptz</c>; Npgsql only writes offset zero,
/// so values (and query parameters compared with them) are converted to UTC first: a time taken with a local offset
/// (+08:00) is stored as the same instant. JSON columns (VariablesJson, DataJson...) stay <c>text</c>: the engine treats
/// them as opaque strings and never queries inside them, and <c>text</c> returns exactly what was written (jsonb would
/// reorder keys and drop duplicates).
/// </summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<EngineJob>().HasIndex(x => x.DueAt).HasFilter("NOT \"HasIncident\"");
    }

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);
}
