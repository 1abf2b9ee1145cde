using Decoupling.Engine.Entities;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.TestSupport;

namespace Decoupling.Engine.Tests.Durability;

/// <summary>The engine on a real PostgreSQL server: two engines stand for two hosts sharing one database.</summary>
public sealed class PostgresEngineTests
{
    private static readonly Actor Reviewer = Actor.User("wang", "dept:czj");
    private static readonly Actor OtherReviewer = Actor.User("zhao", "dept:czj");

    private static async Task<(EfEngineStore Store, VirtualClock Clock)> NewDatabaseAsync()
    {
        var connection = await PostgresServer.CreateDatabaseAsync("engine");
        var store = EfEngineStore.ForPostgres(connection);
        await using (var context = store.CreateContext())
        {
            await EngineDatabase.MigrateAsync(context);
        }

        return (store, new VirtualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8))));
    }

    private static WorkflowEngine Engine(IEngineStore store, IClock clock) => new(store, new HandlerDispatcher([]), clock: clock);

    [Fact]
    public async Task Two_hosts_completing_the_same_task_at_once_one_wins_and_the_other_is_refused()
    {
        var (store, clock) = await NewDatabaseAsync();
        var hostA = Engine(store, clock);
        var hostB = Engine(store, clock);
        await hostA.DeployAsync(DurabilityModels.ReviewWithReminder, "review.bpmn", "admin");

        for (var round = 0; round < 5; round++)
        {
            var instance = await hostA.StartAsync("review", $"case-{round}", null, Actor.User("starter"));
            var task = (await hostA.Tasks.OfInstanceAsync(instance.Id)).Single(t => t.State == HumanTaskState.Open);

            var results = await Task.WhenAll(
                Attempt(() => hostA.Tasks.CompleteAsync(task.Id, Reviewer, "approve", null, "同意")),
                Attempt(() => hostB.Tasks.CompleteAsync(task.Id, OtherReviewer, "approve", null, "同意")));

            Assert.Equal(1, results.Count(r => r is null));
            var loser = Assert.Single(results, r => r is not null);
            Assert.True(loser is EngineConflictException || loser is EngineException { Code: "ENGINE_TASK_NOT_ACTIVE" or "ENGINE_TASK_FORBIDDEN" },
                $"unexpected failure {loser}");

            var tasks = await hostB.Tasks.OfInstanceAsync(instance.Id);
            Assert.Single(tasks, t => t.ElementId == "confirm" && t.State == HumanTaskState.Open);
            var journal = await hostB.GetJournalAsync(instance.Id);
            Assert.Single(journal, j => j.Kind == "task-completed" && j.TaskId == task.Id);
        }
    }

    [Fact]
    public async Task Sibling_calls_finishing_at_once_on_two_hosts_both_succeed_and_the_parent_moves_on_once()
    {
        var (store, clock) = await NewDatabaseAsync();
        var hostA = Engine(store, clock);
        var hostB = Engine(store, clock);
        await hostA.DeployAsync(DurabilityModels.ParallelChildren, "parallel.bpmn", "admin");

        for (var round = 0; round < 5; round++)
        {
            var parent = await hostA.StartAsync("parent", $"p-{round}", new System.Text.Json.Nodes.JsonObject { ["departments"] = new System.Text.Json.Nodes.JsonArray("bb", "czj") }, Actor.User("starter"));
            var tasks = (await hostA.Tasks.OfInstanceAsync(parent.Id)).Where(t => t.State == HumanTaskState.Open).ToList();
            var bb = tasks.Single(t => t.CandidateGroups.Contains("dept:bb", StringComparison.Ordinal));
            var czj = tasks.Single(t => t.CandidateGroups.Contains("dept:czj", StringComparison.Ordinal));

            // both children finish at the same moment and both move the same parent: neither reviewer may be refused
            await Task.WhenAll(
                hostA.Tasks.CompleteAsync(bb.Id, Actor.User("bb1", "dept:bb"), "approve", null, null),
                hostB.Tasks.CompleteAsync(czj.Id, Actor.User("czj1", "dept:czj"), "approve", null, null));

            var after = await hostB.Tasks.OfInstanceAsync(parent.Id);
            Assert.Single(after, t => t.ElementId == "after" && t.State == HumanTaskState.Open);
            Assert.Equal(2, after.Count(t => t.ElementId == "review" && t.State == HumanTaskState.Completed));
        }
    }

    [Fact]
    public async Task A_restarted_host_finds_and_fires_the_timers_the_previous_one_left()
    {
        var (store, clock) = await NewDatabaseAsync();
        var first = Engine(store, clock);
        await first.DeployAsync(DurabilityModels.ReviewWithReminder, "review.bpmn", "admin");
        var instance = await first.StartAsync("review", "case-1", null, Actor.User("starter"));

        // the first host is gone; a new one on the same database sees the pending reminder and fires it when due
        var restarted = Engine(store, clock);
        var pending = await restarted.PendingJobsAsync();
        var reminder = Assert.Single(pending);
        Assert.Equal(clock.Now.AddDays(1), reminder.DueAt);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await restarted.RunDueJobsAsync());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await restarted.RunDueJobsAsync());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await restarted.RunDueJobsAsync());

        var journal = await restarted.GetJournalAsync(instance.Id);
        Assert.Equal(2, journal.Count(j => j.Kind == "completed" && j.ElementId == "reminded"));
        Assert.Empty(await restarted.PendingJobsAsync());
        Assert.Single(await restarted.Tasks.OfInstanceAsync(instance.Id), t => t.State == HumanTaskState.Open);
    }

    [Fact]
    public async Task A_job_run_by_two_hosts_at_once_fires_once()
    {
        var (store, clock) = await NewDatabaseAsync();
        var hostA = Engine(store, clock);
        var hostB = Engine(store, clock);
        await hostA.DeployAsync(DurabilityModels.ReviewWithReminder, "review.bpmn", "admin");
        var instance = await hostA.StartAsync("review", "case-1", null, Actor.User("starter"));
        var job = Assert.Single(await hostA.PendingJobsAsync());
        clock.Advance(TimeSpan.FromDays(1));

        var ran = await Task.WhenAll(hostA.ExecuteJobAsync(job.Id), hostB.ExecuteJobAsync(job.Id));

        Assert.Single(ran, r => r);
        var journal = await hostA.GetJournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == "completed" && j.ElementId == "reminded");
    }

    [Fact]
    public async Task The_inbox_shows_a_department_its_own_tasks_only()
    {
        var (store, clock) = await NewDatabaseAsync();
        var engine = Engine(store, clock);
        await engine.DeployAsync(DurabilityModels.ReviewWithReminder, "review.bpmn", "admin");
        await engine.StartAsync("review", "case-1", null, Actor.User("starter"));

        Assert.Single(await engine.Tasks.InboxAsync(Reviewer));
        Assert.Empty(await engine.Tasks.InboxAsync(Actor.User("li", "dept:bb")));
        Assert.Equal(1, await engine.Tasks.InboxCountAsync(Reviewer));
    }

    [Fact]
    public async Task A_signal_thrown_on_one_host_reaches_each_instance_waiting_on_another_once()
    {
        var (store, clock) = await NewDatabaseAsync();
        var hostA = Engine(store, clock);
        var hostB = Engine(store, clock);
        await hostA.DeployAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <bpmn:signal id="sig" name="policy-changed" />
              <bpmn:process id="waiter" isExecutable="true">
                <bpmn:startEvent id="s" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
                <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e" />
                <bpmn:endEvent id="e" />
              </bpmn:process>
            </bpmn:definitions>
            """, "waiter.bpmn", "admin");
        var waiting = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            waiting.Add((await hostA.StartAsync("waiter", $"w-{i}", null, Actor.User("starter"))).Id);
        }

        // two hosts throw the same signal at the same moment: each waiting instance moves on once, by one of them
        var reached = await Task.WhenAll(hostB.SignalAsync("policy-changed", Actor.System), hostA.SignalAsync("policy-changed", Actor.System));

        Assert.Equal(3, reached.Sum());
        foreach (var id in waiting)
        {
            Assert.Equal(InstanceState.Completed, (await hostA.GetInstanceAsync(id))!.State);
            Assert.Single(await hostA.GetJournalAsync(id), j => j.Kind == "completed" && j.ElementId == "wait");
        }
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
