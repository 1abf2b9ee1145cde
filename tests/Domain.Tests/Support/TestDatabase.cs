using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests.Support;

/// <summary>A migrated SQLite database in a temporary file, deleted on dispose; contexts opened on it share the data.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"domain-test-{Guid.NewGuid():N}.db");

    private TestDatabase()
    {
    }

    public string ConnectionString => $"Data Source={_path};Pooling=False";

    public static string SeedFolder => SeedFiles.Locate(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("seed/ not found above " + AppContext.BaseDirectory);

    public static async Task<TestDatabase> CreateAsync(bool seed = false)
    {
        var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        if (seed)
        {
            await new Seeder(db, SeedFolder).SeedAsync();
        }

        return database;
    }

    public SqlitePlatformDbContext Open(TimeProvider? time = null) => PlatformDatabase.CreateSqlite(ConnectionString, time: time);

    public ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }
}
