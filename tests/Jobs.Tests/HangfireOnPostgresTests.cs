using Decoupling.Engine;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.Host.Jobs;
using Decoupling.TestSupport;
using Hangfire;
using Hangfire.PostgreSql;

namespace Decoupling.Jobs.Tests;

/// <summary>
/// Two hosts (two engines, two Hangfire servers) on one PostgreSQL database and one Hangfire storage: both reschedule the
/// same pending engine job at start, both servers run their copy, and the timer still fires once.
/// </summary>
public sealed class HangfireOnPostgresTests
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">
          <bpmn:process id="wait" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="pause" />
            <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="pause" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="dept:czj" />
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_pending_job_rescheduled_by_two_hosts_fires_once()
    {
        GlobalConfiguration.Configuration.UseLogProvider(new QuietLogProvider());
        var connection = await PostgresServer.CreateDatabaseAsync("hangfire");
        var store = EfEngineStore.ForPostgres(connection);
        await using (var context = store.CreateContext())
        {
            await EngineDatabase.MigrateAsync(context);
        }

        var storageOptions = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connection, storageOptions), storageOptions);
        var hostA = new WorkflowEngine(store, new HandlerDispatcher([]));
        var hostB = new WorkflowEngine(store, new HandlerDispatcher([]));
        await hostA.DeployAsync(Model, "wait.bpmn", "admin");
        var instance = await hostA.StartAsync("wait", "case-1", null, Actor.User("starter"));

        var client = new BackgroundJobClient(storage);
        using (Server("a", hostA, storage))
        using (Server("b", hostB, storage))
        {
            // both hosts start and reschedule what the engine's table holds
            await new PendingJobsRecovery(hostA, new HangfireJobScheduler(client, SystemClock.Instance), Microsoft.Extensions.Logging.Abstractions.NullLogger<PendingJobsRecovery>.Instance).StartAsync(default);
            await new PendingJobsRecovery(hostB, new HangfireJobScheduler(client, SystemClock.Instance), Microsoft.Extensions.Logging.Abstractions.NullLogger<PendingJobsRecovery>.Instance).StartAsync(default);

            var monitor = storage.GetMonitoringApi();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (monitor.SucceededListCount() < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(2, monitor.SucceededListCount());
            Assert.Equal(0, monitor.FailedCount());

            // the winner's commit may land just after the loser's job is reported done
            for (var i = 0; i < 50 && !(await hostA.GetJournalAsync(instance.Id)).Any(j => j.Kind == "completed" && j.ElementId == "pause"); i++)
            {
                await Task.Delay(200);
            }
        }

        var journal = await hostA.GetJournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == "completed" && j.ElementId == "pause");
        Assert.Single(await hostA.Tasks.OfInstanceAsync(instance.Id), t => t.ElementId == "check");
        Assert.Empty(await hostA.PendingJobsAsync());
    }

    private static BackgroundJobServer Server(string name, WorkflowEngine engine, JobStorage storage) => new(
        new BackgroundJobServerOptions
        {
            ServerName = name,
            WorkerCount = 2,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(300),
            Activator = new RunnerActivator(new EngineJobRunner(engine)),
        },
        storage);
}
