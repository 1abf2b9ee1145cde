using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;

namespace Decoupling.Engine.Tests.Parsing;

public class FullModelParsingTests
{
    private static readonly BpmnDocument Document = BpmnParser.Parse(BpmnXml.ReadModel("full-model.bpmn"), "full-model.bpmn");
    private static ProcessDefinition Process => Document.Processes.Single(p => p.Key == "Process_Full");
    private static FlowNode Node(string id) => Process.GetNode(id);

    [Fact]
    public void A_model_with_every_supported_element_parses_with_its_process_attributes()
    {
        Assert.Equal(2, Document.Processes.Count);
        Assert.Equal("完整流程", Process.Name);
        Assert.Equal("v1.2", Process.VersionTag);
        Assert.True(Process.IsExecutable);
    }

    [Fact]
    public void A_non_executable_empty_pool_is_parsed_and_marked_not_executable()
    {
        var pool = Document.Processes.Single(p => p.Key == "Process_Doc");
        Assert.False(pool.IsExecutable);
        Assert.Empty(pool.Nodes);
    }

    [Fact]
    public void Messages_and_errors_are_catalogued_by_id()
    {
        Assert.Equal("notice", Document.Messages["Message_Notice"]);
        Assert.Equal(6, Document.Messages.Count);
        Assert.Equal("REJECTED", Document.Errors["Error_Rejected"]);
        Assert.Single(Document.Errors);
    }

    [Fact]
    public void Every_flow_node_kind_is_recognised_and_diagram_lanes_and_artifacts_are_not_nodes()
    {
        var kinds = Process.NodesById.Values.Select(n => n.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<FlowNodeKind>().ToHashSet(), kinds);
        Assert.Equal(32, Process.NodesById.Count);
        Assert.DoesNotContain("Lane_1", Process.NodesById.Keys);
        Assert.DoesNotContain("TextAnnotation_1", Process.NodesById.Keys);
        Assert.DoesNotContain("DataObjectReference_1", Process.NodesById.Keys);
        Assert.DoesNotContain("Association_1", Process.FlowsById.Keys);
        Assert.Equal(28, Process.FlowsById.Count);
    }

    [Fact]
    public void User_task_carries_its_camunda_attributes_properties_and_multi_instance()
    {
        var task = Node("Task_Approve");
        Assert.Equal(FlowNodeKind.UserTask, task.Kind);
        Assert.Equal("科室审批", task.Name);
        Assert.Equal("${starter}", task.Assignee);
        Assert.Equal("u1,u2", task.CandidateUsers);
        Assert.Equal("dept-leaders", task.CandidateGroups);
        Assert.Equal("P3D", task.DueDate);
        Assert.Equal("60", task.Priority);
        Assert.Equal("forms/approve", task.FormKey);
        Assert.True(task.AsyncBefore);
        Assert.Equal("true", task.Properties["allowWithdraw"]);
        Assert.Equal("all", task.Properties["approvalMode"]);
        Assert.NotNull(task.Loop);
        Assert.True(task.Loop!.IsSequential);
        Assert.Equal("${approvers}", task.Loop.Collection);
        Assert.Equal("approver", task.Loop.ElementVariable);
        Assert.Equal("${nrOfCompletedInstances == 2}", task.Loop.CompletionCondition);
        Assert.Null(task.Loop.LoopCardinality);
        Assert.Equal(["Flow_1", "Flow_24"], task.Incoming.Select(f => f.Id));
        Assert.Equal(["Flow_2"], task.Outgoing.Select(f => f.Id));
        Assert.Null(task.Parent);
    }

    [Fact]
    public void Service_task_carries_topic_template_and_input_output_parameters()
    {
        var service = Node("Service_Number");
        Assert.Equal("external", service.ImplementationType);
        Assert.Equal("document.number", service.Topic);
        Assert.True(service.AsyncBefore);
        Assert.Equal("decoupling.numbering", service.ModelerTemplate);
        Assert.Equal(
            [new IoParameter("prefix", "DJ"), new IoParameter("year", "${year}"), new IoParameter("empty", null)],
            service.Inputs);
        Assert.Equal([new IoParameter("number", "${result}")], service.Outputs);
    }

    [Fact]
    public void Send_and_receive_tasks_resolve_their_message_to_its_name()
    {
        var send = Node("Send_Notice");
        Assert.Equal("notice", send.MessageName);
        Assert.Equal("notify", send.Topic);
        Assert.Equal("ack", Node("Receive_Ack").MessageName);
        Assert.Equal(FlowNodeKind.ManualTask, Node("Manual_Archive").Kind);
    }

    [Fact]
    public void Call_activity_carries_binding_version_mappings_and_loop_cardinality()
    {
        var call = Node("Call_Sub");
        Assert.Equal("Process_Child", call.CalledElement);
        Assert.Equal("version", call.CalledElementBinding);
        Assert.Equal("3", call.CalledElementVersion);
        Assert.Equal(
            [
                new CallMapping("applicant", null, "person", false, null, false),
                new CallMapping(null, null, null, false, "#{execution.processBusinessKey}", false),
                new CallMapping(null, null, null, true, null, false),
            ],
            call.InMappings);
        Assert.Equal([new CallMapping(null, "${child.result}", "childResult", false, null, true)], call.OutMappings);
        Assert.Equal("3", call.Loop!.LoopCardinality);
        Assert.False(call.Loop.IsSequential);
    }

    [Fact]
    public void Gateways_keep_default_flows_and_flows_keep_conditions()
    {
        Assert.Equal("Flow_Reject", Node("Gateway_Decide").DefaultFlowId);
        Assert.Equal("Flow_15", Node("Gateway_Inclusive").DefaultFlowId);
        Assert.Equal("${approved}", Process.FlowsById["Flow_Approve"].Condition);
        Assert.Equal("通过", Process.FlowsById["Flow_Approve"].Name);
        Assert.Equal("${amount > 100}", Process.FlowsById["Flow_19"].Condition);
        Assert.Null(Process.FlowsById["Flow_Reject"].Condition);
        var flow = Process.FlowsById["Flow_9"];
        Assert.Same(Node("Gateway_Join"), flow.Source);
        Assert.Same(Node("SubProcess_Review"), flow.Target);
        Assert.Equal(FlowNodeKind.EventBasedGateway, Node("Gateway_Event").Kind);
        Assert.Equal(2, Node("Gateway_Join").Incoming.Count);
    }

    [Fact]
    public void Events_carry_their_trigger_timer_message_and_error_code()
    {
        Assert.Equal(EventTrigger.None, Node("StartEvent_1").Trigger);
        Assert.Equal(EventTrigger.Message, Node("StartEvent_Message").Trigger);
        Assert.Equal("start-request", Node("StartEvent_Message").MessageName);
        Assert.Same(Node("StartEvent_1"), Process.NoneStartOf(null));
        Assert.Equal("reply", Node("Catch_Message").MessageName);
        Assert.Equal(new TimerDefinition(TimerKind.Duration, "PT2H"), Node("Catch_Timer").Timer);
        Assert.Equal(EventTrigger.None, Node("Throw_None").Trigger);
        Assert.Equal(FlowNodeKind.IntermediateThrowEvent, Node("Throw_None").Kind);
        Assert.Equal(EventTrigger.Terminate, Node("End_Terminate").Trigger);
        var messageEnd = Node("End_Message");
        Assert.Equal(("done", "external", "result.send"), (messageEnd.MessageName, messageEnd.ImplementationType, messageEnd.Topic));
        Assert.Equal((EventTrigger.Error, "REJECTED"), (Node("End_Error").Trigger, Node("End_Error").ErrorCode));
    }

    [Fact]
    public void Boundary_events_are_wired_to_their_activity_and_share_its_scope()
    {
        var timer = Node("Boundary_Timer");
        Assert.Same(Node("Task_Approve"), timer.AttachedTo);
        Assert.Equal("Task_Approve", timer.AttachedToId);
        Assert.False(timer.CancelActivity);
        Assert.Equal(new TimerDefinition(TimerKind.Cycle, "R3/PT1H"), timer.Timer);
        Assert.Equal([timer], Node("Task_Approve").Boundaries);
        Assert.Null(timer.Parent);

        var error = Node("Boundary_Error");
        Assert.True(error.CancelActivity);
        Assert.Equal("REJECTED", error.ErrorCode);
        Assert.Equal([error], Node("Call_Sub").Boundaries);

        var catchAll = Node("Boundary_AnyError");
        Assert.Equal(EventTrigger.Error, catchAll.Trigger);
        Assert.Null(catchAll.ErrorCode);

        Assert.Equal("cancel", Node("Boundary_Message").MessageName);
        Assert.Same(Node("SubProcess_Review"), Node("Boundary_Message").AttachedTo);
    }

    [Fact]
    public void Subprocess_children_hang_under_the_subprocess_and_are_indexed_at_every_depth()
    {
        var sub = Node("SubProcess_Review");
        Assert.Equal(["Sub_Start", "Sub_Task", "Sub_End"], sub.Children.Select(n => n.Id));
        Assert.All(sub.Children, child => Assert.Same(sub, child.Parent));
        Assert.Same(Node("Sub_Start"), Process.NoneStartOf(sub));
        Assert.DoesNotContain(Process.Nodes, n => n.Id == "Sub_Task");
        Assert.Contains("Sub_Flow_2", Process.FlowsById.Keys);
        Assert.Same(Node("Sub_End"), Process.FlowsById["Sub_Flow_2"].Target);
    }
}
