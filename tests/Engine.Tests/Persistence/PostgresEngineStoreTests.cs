using Decoupling.Engine.Persistence;
using Decoupling.Engine.Store;
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
    public async Task A_start_uses_the_version_another_node_deployed_after_this_node_last_started_the_process()
    {
        // two nodes on one database: this one knows version 1 from its own starts and takes it as the latest without asking;
        // the commit's check finds version 2 from the other node, and the step runs again on version 2
        static string Model(string taskName) => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <bpmn:process id="p" isExecutable="true">
                <bpmn:startEvent id="s" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t1" />
                <bpmn:userTask id="t1" name="{taskName}" />
                <bpmn:sequenceFlow id="f2" sourceRef="t1" targetRef="e" />
                <bpmn:endEvent id="e" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var starter = Decoupling.Engine.Services.Actor.User("starter");
        var here = new WorkflowEngine(Store, new Decoupling.Engine.Services.HandlerDispatcher([]));
        var there = new WorkflowEngine(EfEngineStore.ForPostgres(_connectionString!), new Decoupling.Engine.Services.HandlerDispatcher([]));
        await here.DeployAsync(Model("初审"), "p.bpmn", "admin");
        Assert.Equal(1, (await here.StartAsync("p", null, null, starter)).DefinitionVersion);
        Assert.Equal(1, (await here.StartAsync("p", null, null, starter)).DefinitionVersion);

        await there.DeployAsync(Model("复审"), "p.bpmn", "admin");
        var started = await here.StartAsync("p", null, null, starter);
        Assert.Equal(2, started.DefinitionVersion);
        Assert.Equal("复审", Assert.Single(await here.Tasks.OfInstanceAsync(started.Id)).Name);
        Assert.Equal(2, (await here.StartAsync("p", null, null, starter)).DefinitionVersion);
    }

    [Fact]
    public async Task A_step_chosen_as_a_deadlock_victim_gets_a_conflict_and_the_other_commits()
    {
        var x = EntitySamples.Instance();
        var y = EntitySamples.Instance();
        await SeedAsync(x, y);
        var bothLocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var locked = 0;

        // Each step first locks one instance row in its transaction (as a host handler's SQL might), then commits a change to the other.
        async Task<Exception?> StepAsync(Guid lockFirst, Guid updateThen)
        {
            await using var session = await Store.OpenSessionAsync();
            var row = (await session.FirstOrDefaultAsync(session.Instances.Where(i => i.Id == updateThen)))!;
            var transaction = (System.Data.Common.DbTransaction)session.Transaction!;
            await using (var command = transaction.Connection!.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"UPDATE wf_instances SET \"StepCount\" = \"StepCount\" WHERE \"Id\" = '{lockFirst}'";
                await command.ExecuteNonQueryAsync();
            }

            if (Interlocked.Increment(ref locked) == 2)
            {
                bothLocked.SetResult();
            }

            await bothLocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            row.Revision++;
            try
            {
                await session.CommitAsync();
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }

        var outcomes = await Task.WhenAll(Task.Run(() => StepAsync(x.Id, y.Id)), Task.Run(() => StepAsync(y.Id, x.Id)));
        Assert.Single(outcomes, o => o is null);
        var conflict = Assert.IsType<EngineConflictException>(Assert.Single(outcomes, o => o is not null));
        Assert.Contains("重试", conflict.Message);
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
