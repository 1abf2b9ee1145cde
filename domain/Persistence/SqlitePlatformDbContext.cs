using Decoupling.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Persistence;

/// <summary>SQLite (the embedded default), with its own migrations under Persistence/Migrations/Sqlite.</summary>
public sealed class SqlitePlatformDbContext(
    DbContextOptions<SqlitePlatformDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : PlatformDbContext(options, actor, time)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset in SQL; UTC ticks are an integer it can
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
