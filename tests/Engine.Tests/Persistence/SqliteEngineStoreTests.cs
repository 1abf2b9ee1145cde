using Decoupling.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Engine.Tests.Persistence;

/// <summary>The store contract on SQLite, each test on its own database file in a temp folder.</summary>
public sealed class SqliteEngineStoreTests : EngineStoreContract
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("engine-sqlite-");

    private string DatabaseFile => Path.Combine(_folder.FullName, "data", "engine.db");

    protected override async Task<EfEngineStore> CreateMigratedStoreAsync()
    {
        var connectionString = $"Data Source={DatabaseFile}";
        await using (var context = EngineDatabase.CreateSqlite(connectionString))
        {
            await EngineDatabase.MigrateAsync(context);
        }

        return EfEngineStore.ForSqlite(connectionString);
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_file_is_created_in_its_folder_and_uses_WAL_and_a_busy_timeout()
    {
        Assert.True(File.Exists(DatabaseFile));
        await using var context = Store.CreateContext();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("30000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Dates_are_stored_as_utc_ticks_so_sqlite_can_compare_them()
    {
        var job = EntitySamples.Job(Guid.NewGuid(), EntitySamples.Time(1));
        await SeedAsync(job);
        await using var context = Store.CreateContext();
        await context.Database.OpenConnectionAsync();
        var stored = await ScalarAsync(context.Database.GetDbConnection(), $"SELECT DueAt FROM wf_jobs WHERE Id = '{job.Id.ToString().ToUpperInvariant()}'");
        Assert.Equal(job.DueAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), stored);
    }

    [Fact]
    public async Task A_session_that_exposed_its_transaction_holds_the_write_lock_and_another_writer_waits_for_it()
    {
        var impatient = EfEngineStore.ForSqlite($"Data Source={DatabaseFile};Default Timeout=1");
        await using var holder = await impatient.OpenSessionAsync();
        Assert.NotNull(holder.Transaction);

        await using (var waiter = await impatient.OpenSessionAsync())
        {
            waiter.Add(EntitySamples.Instance());
            var started = System.Diagnostics.Stopwatch.StartNew();
            var busy = await Assert.ThrowsAsync<SqliteException>(() => waiter.CommitAsync());
            Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY, after waiting for the busy timeout
            Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(900), $"gave up after {started.Elapsed}");
        }

        holder.Add(EntitySamples.Instance());
        await holder.CommitAsync();
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
