using Microsoft.EntityFrameworkCore.Design;

namespace Decoupling.Domain.Persistence;

/// <summary>Lets dotnet-ef build the SQLite model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) => PlatformDatabase.CreateSqlite("Data Source=design-time.db");
}
