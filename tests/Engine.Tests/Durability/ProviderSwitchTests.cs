using Decoupling.Engine.Entities;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.TestSupport;

namespace Decoupling.Engine.Tests.Durability;

/// <summary>One process using both providers (tests, a migration tool) must not mix their compiled queries.</summary>
public sealed class ProviderSwitchTests
{
    [Fact]
    public async Task Engines_on_sqlite_and_on_postgres_run_side_by_side_in_one_process()
    {
        var file = Path.Combine(Path.GetTempPath(), $"switch-{Guid.NewGuid():N}.db");
        try
        {
            var sqlite = EfEngineStore.ForSqlite($"Data Source={file}");
            var postgres = EfEngineStore.ForPostgres(await PostgresServer.CreateDatabaseAsync("switch"));
            foreach (var store in new[] { sqlite, postgres, sqlite })
            {
                await using (var context = store.CreateContext())
                {
                    await EngineDatabase.MigrateAsync(context);
                }

                var engine = new WorkflowEngine(store, new HandlerDispatcher([]));
                await engine.DeployAsync(DurabilityModels.ReviewWithReminder, "review.bpmn", "admin");
                var instance = await engine.StartAsync("review", "switch", null, Actor.User("starter"));
                var task = (await engine.Tasks.OfInstanceAsync(instance.Id)).Single(t => t.State == HumanTaskState.Open);
                await engine.Tasks.CompleteAsync(task.Id, Actor.User("wang", "dept:czj"), "approve", null, null);
                Assert.Contains(await engine.Tasks.OfInstanceAsync(instance.Id), t => t.ElementId == "confirm");
            }
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
