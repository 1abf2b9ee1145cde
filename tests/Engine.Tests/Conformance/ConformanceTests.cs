using Decoupling.Engine.Persistence;
using Decoupling.Engine.Store;
using Decoupling.TestSupport;

namespace Decoupling.Engine.Tests.Conformance;

/// <summary>
/// The BPMN conformance suite (Cases/): every case runs on the in-memory store and on PostgreSQL, and must show the
/// same states, traces, tokens, variables and incidents on both.
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Cases() => [.. ConformanceCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_behaves_as_specified_in_memory(string name)
    {
        await new ConformanceRunner(new InMemoryEngineStore()).RunAsync(ConformanceCase.Load(name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_behaves_as_specified_on_PostgreSQL(string name)
    {
        var connection = await PostgresServer.CreateDatabaseAsync("conformance");
        var store = EfEngineStore.ForPostgres(connection);
        await using (var context = store.CreateContext())
        {
            await EngineDatabase.MigrateAsync(context);
        }

        try
        {
            await new ConformanceRunner(store).RunAsync(ConformanceCase.Load(name));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connection);
        }
    }
}
