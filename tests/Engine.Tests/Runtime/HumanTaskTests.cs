using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class HumanTaskTests
{
    private static readonly Actor Wang = Actor.User("wang", "dept:czj");
    private static readonly Actor Li = Actor.User("li", "dept:other");

    private static readonly string Chain = $"""
        <bpmn:startEvent id="S" />
        <bpmn:userTask id="A" camunda:candidateGroups="dept:czj" />
        <bpmn:userTask id="B" camunda:candidateGroups="dept:b" />
        <bpmn:userTask id="C" camunda:assignee="zhao" />
        <bpmn:endEvent id="E" />
        {Flows("S->A", "A->B", "B->C", "C->E")}
        """;

    private static async Task<HumanTask> Task(EngineHarness h, Guid instanceId, string elementId) => await h.SingleOpenTaskAsync(instanceId, elementId);

    private static async Task<EngineException> Refused(Func<Task> action) => await Assert.ThrowsAsync<EngineException>(action);

    [Fact]
    public async Task Inbox_shows_a_candidate_group_task_only_to_that_department()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        Assert.Contains(await h.Engine.Tasks.InboxAsync(Wang), t => t.Id == a.Id);
        Assert.DoesNotContain(await h.Engine.Tasks.InboxAsync(Li), t => t.Id == a.Id);
        // outside the department the task is not even there: refused exactly like a task that does not exist
        Assert.Equal("ENGINE_TASK_NOT_FOUND", (await Refused(() => h.Engine.Tasks.CompleteAsync(a.Id, Li, "approve", null, null))).Code);
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Claim_takes_the_task_out_of_the_pool_and_unclaim_puts_it_back()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        var colleague = Actor.User("qian", "dept:czj");
        await h.Engine.Tasks.ClaimAsync(a.Id, Wang);
        Assert.Equal("wang", (await h.Engine.Tasks.GetAsync(a.Id))!.Assignee);
        Assert.DoesNotContain(await h.Engine.Tasks.InboxAsync(colleague), t => t.Id == a.Id);
        Assert.Equal("ENGINE_TASK_CLAIMED_BY_OTHER", (await Refused(() => h.Engine.Tasks.ClaimAsync(a.Id, colleague))).Code);

        await h.Engine.Tasks.UnclaimAsync(a.Id, Wang);
        Assert.Null((await h.Engine.Tasks.GetAsync(a.Id))!.Assignee);
        Assert.Contains(await h.Engine.Tasks.InboxAsync(colleague), t => t.Id == a.Id);
    }

    [Fact]
    public async Task Complete_with_outcome_records_it_and_moves_the_token()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.CompleteAsync(a.Id, Wang, "approve", null, "同意");
        var done = (await h.Engine.Tasks.GetAsync(a.Id))!;
        Assert.Equal(HumanTaskState.Completed, done.State);
        Assert.Equal("approve", done.Outcome);
        Assert.Equal("wang", done.CompletedBy);
        Assert.Equal("approve", (await h.Engine.GetVariablesAsync(instance.Id))["outcome"]!.GetValue<string>());
        Assert.Equal(["B"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Return_targets_are_earlier_completed_tasks_on_a_straight_line_and_return_reassigns_the_previous_completer()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        await h.Engine.Tasks.CompleteAsync((await Task(h, instance.Id, "A")).Id, Wang, "approve", null, null);
        await h.Engine.Tasks.CompleteAsync((await Task(h, instance.Id, "B")).Id, Actor.User("sun", "dept:b"), "approve", null, null);
        var c = await Task(h, instance.Id, "C");
        Assert.Equal(["B", "A"], (await h.Engine.Tasks.ReturnTargetsAsync(c.Id)).Select(t => t.ElementId));

        await h.Engine.Tasks.ReturnAsync(c.Id, "A", Actor.User("zhao"), "材料不全");
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
        var again = await Task(h, instance.Id, "A");
        Assert.Equal("wang", again.Assignee);
        Assert.Equal("returned", (await h.Engine.Tasks.GetAsync(c.Id))!.Outcome);
    }

    [Fact]
    public async Task Return_targets_do_not_cross_a_parallel_gateway()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            {UserTask("A")}
            <bpmn:parallelGateway id="F" />
            {UserTask("B")}{UserTask("C")}
            <bpmn:parallelGateway id="J" />
            <bpmn:endEvent id="E" />
            {Flows("S->A", "A->F", "F->B", "F->C", "B->J", "C->J", "J->E")}
            """);
        await h.CompleteAsync(instance.Id, "A");
        Assert.Empty(await h.Engine.Tasks.ReturnTargetsAsync((await Task(h, instance.Id, "B")).Id));
        Assert.Equal("ENGINE_RETURN_TARGET_INVALID",
            (await Refused(() => h.Engine.Tasks.ReturnAsync(h.SingleOpenTaskAsync(instance.Id, "B").Result.Id, "A", Actor.User("u"), null))).Code);
    }

    [Fact]
    public async Task Withdraw_by_the_completer_while_the_next_task_is_untouched_brings_the_task_back()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.CompleteAsync(a.Id, Wang, "approve", null, null);
        var b = await Task(h, instance.Id, "B");
        Assert.Equal("ENGINE_TASK_NOT_FOUND", (await Refused(() => h.Engine.Tasks.WithdrawAsync(a.Id, Li, null))).Code);

        await h.Engine.Tasks.WithdrawAsync(a.Id, Wang, "填错了");
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(b.Id))!.State);
        Assert.Equal("wang", (await Task(h, instance.Id, "A")).Assignee);
    }

    [Fact]
    public async Task Withdraw_is_refused_after_the_next_assignee_claimed_the_task()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.CompleteAsync(a.Id, Wang, "approve", null, null);
        await h.Engine.Tasks.ClaimAsync((await Task(h, instance.Id, "B")).Id, Actor.User("sun", "dept:b"));
        Assert.Equal("ENGINE_WITHDRAW_TOO_LATE", (await Refused(() => h.Engine.Tasks.WithdrawAsync(a.Id, Wang, null))).Code);
        Assert.Equal(["B"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Withdraw_is_refused_after_a_service_task_ran()
    {
        var h = new EngineHarness("notify");
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="A" camunda:candidateGroups="dept:czj" />
            <bpmn:serviceTask id="Svc" camunda:type="external" camunda:topic="notify" />
            {UserTask("B")}
            <bpmn:endEvent id="E" />
            {Flows("S->A", "A->Svc", "Svc->B", "B->E")}
            """);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.CompleteAsync(a.Id, Wang, "approve", null, null);
        Assert.Single(h.Handlers["notify"].Calls);
        Assert.Equal("ENGINE_WITHDRAW_SIDE_EFFECTS", (await Refused(() => h.Engine.Tasks.WithdrawAsync(a.Id, Wang, null))).Code);
    }

    [Fact]
    public async Task Transfer_hands_the_task_to_another_user_for_good()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.TransferAsync(a.Id, Wang, "zhou", "出差");
        Assert.Contains(await h.Engine.Tasks.InboxAsync(Actor.User("zhou")), t => t.Id == a.Id);
        Assert.Equal("ENGINE_TASK_FORBIDDEN", (await Refused(() => h.Engine.Tasks.CompleteAsync(a.Id, Wang, null, null, null))).Code);
        await h.Engine.Tasks.CompleteAsync(a.Id, Actor.User("zhou"), "approve", null, null);
        Assert.Equal(["B"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Delegate_then_resolve_returns_the_task_to_its_owner_who_completes_it()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var c = await ReachC(h, instance.Id);
        await h.Engine.Tasks.DelegateAsync(c.Id, Actor.User("zhao"), "qian", "请核对");
        Assert.Equal("qian", (await h.Engine.Tasks.GetAsync(c.Id))!.Assignee);

        await h.Engine.Tasks.CompleteAsync(c.Id, Actor.User("qian"), null, null, "已核对");
        var resolved = (await h.Engine.Tasks.GetAsync(c.Id))!;
        Assert.Equal(HumanTaskState.Open, resolved.State);
        Assert.Equal("zhao", resolved.Assignee);
        Assert.Equal(DelegationState.Resolved, resolved.Delegation);
        Assert.Equal(["C"], await h.ActiveElementsAsync(instance.Id));

        await h.Engine.Tasks.CompleteAsync(c.Id, Actor.User("zhao"), "approve", null, null);
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
    }

    private static async Task<HumanTask> ReachC(EngineHarness h, Guid instanceId)
    {
        await h.Engine.Tasks.CompleteAsync((await Task(h, instanceId, "A")).Id, Wang, "approve", null, null);
        await h.Engine.Tasks.CompleteAsync((await Task(h, instanceId, "B")).Id, Actor.User("sun", "dept:b"), "approve", null, null);
        return await Task(h, instanceId, "C");
    }

    [Fact]
    public async Task Signer_before_must_sign_before_the_owner_can_complete()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var c = await ReachC(h, instance.Id);
        var signer = Assert.Single(await h.Engine.Tasks.AddSignersAsync(c.Id, Actor.User("zhao"), ["qian"], SignerPosition.Before, "请先看"));
        Assert.Equal("ENGINE_SIGNERS_BEFORE_PENDING", (await Refused(() => h.Engine.Tasks.CompleteAsync(c.Id, Actor.User("zhao"), "approve", null, null))).Code);
        await h.Engine.Tasks.CompleteAsync(signer.Id, Actor.User("qian"), "approve", null, null);
        Assert.Equal(["C"], await h.ActiveElementsAsync(instance.Id));
        await h.Engine.Tasks.CompleteAsync(c.Id, Actor.User("zhao"), "approve", null, null);
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
    }

    [Fact]
    public async Task Signer_after_signs_before_the_token_moves()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var c = await ReachC(h, instance.Id);
        var signer = Assert.Single(await h.Engine.Tasks.AddSignersAsync(c.Id, Actor.User("zhao"), ["qian"], SignerPosition.After, null));
        Assert.Equal(HumanTaskState.Pending, (await h.Engine.Tasks.GetAsync(signer.Id))!.State);
        await h.Engine.Tasks.CompleteAsync(c.Id, Actor.User("zhao"), "approve", null, null);
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
        Assert.Equal(HumanTaskState.WaitingForSigners, (await h.Engine.Tasks.GetAsync(c.Id))!.State);
        Assert.Contains(await h.Engine.Tasks.InboxAsync(Actor.User("qian")), t => t.Id == signer.Id);

        await h.Engine.Tasks.CompleteAsync(signer.Id, Actor.User("qian"), "approve", null, null);
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
    }

    [Fact]
    public async Task Removed_signer_no_longer_holds_the_task_back()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var c = await ReachC(h, instance.Id);
        var signer = Assert.Single(await h.Engine.Tasks.AddSignersAsync(c.Id, Actor.User("zhao"), ["qian"], SignerPosition.Before, null));
        Assert.Equal("ENGINE_TASK_NOT_FOUND", (await Refused(() => h.Engine.Tasks.RemoveSignerAsync(signer.Id, Actor.User("li"), null))).Code);
        await h.Engine.Tasks.RemoveSignerAsync(signer.Id, Actor.User("zhao"), "不用了");
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(signer.Id))!.State);
        await h.Engine.Tasks.CompleteAsync(c.Id, Actor.User("zhao"), "approve", null, null);
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
    }

    [Fact]
    public async Task Copy_appears_in_the_recipients_copies_only()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.CopyAsync(a.Id, Wang, ["leader"], "请知悉");
        var copy = Assert.Single(await h.Engine.Tasks.CopiesAsync(Actor.User("leader")));
        Assert.Equal(a.Id, copy.TaskId);
        Assert.Equal("wang", copy.FromUser);
        Assert.Empty(await h.Engine.Tasks.CopiesAsync(Actor.User("li")));
    }

    [Fact]
    public async Task Urge_counts_and_is_refused_to_outsiders_and_within_ten_minutes()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        Assert.Equal("ENGINE_TASK_NOT_FOUND", (await Refused(() => h.Engine.Tasks.UrgeAsync(a.Id, Li, null))).Code);
        Assert.Equal("ENGINE_URGE_FORBIDDEN", (await Refused(() => h.Engine.Tasks.UrgeAsync(a.Id, Wang, null))).Code);
        await h.Engine.Tasks.UrgeAsync(a.Id, Actor.User("starter"), "请尽快");
        Assert.Equal("ENGINE_URGE_TOO_SOON", (await Refused(() => h.Engine.Tasks.UrgeAsync(a.Id, Actor.User("starter"), null))).Code);
        h.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("ENGINE_URGE_TOO_SOON", (await Refused(() => h.Engine.Tasks.UrgeAsync(a.Id, Actor.User("starter"), null))).Code);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Engine.Tasks.UrgeAsync(a.Id, Actor.User("starter"), null);
        Assert.Equal(2, (await h.Engine.Tasks.GetAsync(a.Id))!.UrgeCount);
    }

    [Fact]
    public async Task Cancel_instance_is_allowed_to_the_starter_only()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        Assert.Equal("ENGINE_CANCEL_FORBIDDEN", (await Refused(() => h.Engine.CancelInstanceAsync(instance.Id, Wang, null))).Code);
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
        await h.Engine.CancelInstanceAsync(instance.Id, Actor.User("starter"), "不办了");
        Assert.Equal(InstanceState.Cancelled, await h.StateAsync(instance.Id));
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(a.Id))!.State);
    }

    [Fact]
    public async Task Every_human_operation_is_journaled_with_actor_and_comment()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Chain);
        var a = await Task(h, instance.Id, "A");
        await h.Engine.Tasks.ClaimAsync(a.Id, Wang);
        await h.Engine.Tasks.CopyAsync(a.Id, Wang, ["leader"], "抄送意见");
        await h.Engine.Tasks.UrgeAsync(a.Id, Actor.User("starter"), "催办意见");
        await h.Engine.Tasks.TransferAsync(a.Id, Wang, "zhou", "转办意见");
        await h.Engine.Tasks.CompleteAsync(a.Id, Actor.User("zhou"), "approve", null, "同意");
        await h.Engine.Tasks.WithdrawAsync(a.Id, Actor.User("zhou"), "撤回意见");
        await h.Engine.CancelInstanceAsync(instance.Id, Actor.User("starter"), "撤销意见");

        var journal = await h.Engine.GetJournalAsync(instance.Id);
        void Has(string kind, string actor, string? comment)
        {
            Assert.Contains(journal, j => j.Kind == kind && j.Actor == actor && j.Comment == comment);
        }

        Has("task-claimed", "wang", null);
        Has("task-copied", "wang", "抄送意见");
        Has("task-urged", "starter", "催办意见");
        Has("task-transferred", "wang", "转办意见");
        Has("task-completed", "zhou", "同意");
        Has("task-withdrawn", "zhou", "撤回意见");
        Has("instance-cancelled", "starter", "撤销意见");
    }
}
