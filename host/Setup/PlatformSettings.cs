using Decoupling.Domain.Seeding;

namespace Decoupling.Host.Setup;

/// <summary>
/// Where the platform keeps its data. Embedded default: one SQLite file and a file folder under ./data. Production:
/// <c>Database__Provider=Postgres</c> and <c>ConnectionStrings__Default=Host=...;Database=...;Username=...;Password=...</c>.
/// </summary>
public sealed record PlatformSettings(bool UsePostgres, string ConnectionString, string DataFolder, string FilesFolder, string? SeedFolder)
{
    public static PlatformSettings From(IConfiguration configuration, string contentRoot)
    {
        var postgres = string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
        var dataFolder = Path.GetFullPath(configuration["DataFolder"] ?? "data");
        var connection = configuration.GetConnectionString("Default");
        if (postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException("Database__Provider=Postgres 需要同时设置 ConnectionStrings__Default（PostgreSQL 连接串）。");
        }

        connection ??= $"Data Source={Path.Combine(dataFolder, "platform.db")}";
        var seedFolder = configuration["SeedFolder"] ?? SeedFiles.Locate(contentRoot) ?? SeedFiles.Locate(AppContext.BaseDirectory);
        return new PlatformSettings(postgres, connection, dataFolder, configuration["FilesFolder"] ?? Path.Combine(dataFolder, "files"), seedFolder);
    }
}
