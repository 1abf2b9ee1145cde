using Decoupling.Engine.Persistence;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Engine.Tests.Persistence;

/// <summary>The store contract on PostgreSQL, each test on a fresh database of the test server.</summary>
public sealed class PostgresEngineStoreTests : EngineStoreContract
{
    private string? _connectionString;

    protected override async Task<EfEngineStore> CreateMigratedStoreAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("engine_store");
        await using (var context = EngineDatabase.CreatePostgres(_connectionString))
        {
            await EngineDatabase.MigrateAsync(context);
        }

        return EfEngineStore.ForPostgres(_connectionString);
    }

    public override async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }

    [Fact]
    public async Task Dates_are_timestamptz_and_json_is_text()
    {
        await using var context = Store.CreateContext();
        var types = await context.Database
            .SqlQueryRaw<string>(
                "SELECT column_name || ':' || data_type AS \"Value\" FROM information_schema.columns " +
                "WHERE table_name = 'wf_instances' AND column_name IN ('StartedAt', 'VariablesJson', 'Revision') ORDER BY column_name")
            .ToListAsync();
        Assert.Equal(["Revision:integer", "StartedAt:timestamp with time zone", "VariablesJson:text"], types);
    }
}
