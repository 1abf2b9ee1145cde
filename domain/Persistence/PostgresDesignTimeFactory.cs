using Microsoft.EntityFrameworkCore.Design;

namespace Decoupling.Domain.Persistence;

/// <summary>Lets dotnet-ef build the PostgreSQL model without a server (adding a migration does not connect).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) =>
        PlatformDatabase.CreatePostgres("Host=localhost;Database=decoupling_design;Username=postgres");
}
