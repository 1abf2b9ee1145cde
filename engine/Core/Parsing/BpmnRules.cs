using System.Globalization;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Parsing;

/// <summary>The graph and configuration rules a read process must satisfy before the runtime may execute it.</summary>
internal static class BpmnRules
{
    public static void Check(ProcessDefinition process, ValidationErrorList errors, ParseOptions? options = null)
    {
        BpmnFormRules.Check(process, options ?? ParseOptions.Default, errors);
        CheckScope(process, null, errors);
        foreach (var node in process.NodesById.Values)
        {
            if (node.Rejected)
            {
                continue; // reported once by the reader; its flows and boundaries are not reported again
            }

            if (node.Kind == FlowNodeKind.SubProcess)
            {
                CheckScope(process, node, errors);
            }

            CheckFlowsOf(node, errors);
            CheckConfiguration(node, errors);
            CheckNewerEvents(process, node, errors);
        }
    }

    /// <summary>A process needs a start event; a subprocess exactly one none start event and no other; one none start per scope.</summary>
    private static void CheckScope(ProcessDefinition process, FlowNode? scope, ValidationErrorList errors)
    {
        var nodes = process.NodesOf(scope).Where(n => !n.Rejected).ToList();
        var starts = nodes.Where(n => n.Kind == FlowNodeKind.StartEvent).ToList();
        if (scope is { TriggeredByEvent: true })
        {
            CheckEventSubProcessStart(scope, starts, errors);
            return;
        }
        var noneStarts = starts.Where(n => n.Trigger == EventTrigger.None).ToList();
        foreach (var extra in noneStarts.Skip(1))
        {
            errors.Add(extra.Id, "BPMN_MULTIPLE_NONE_START");
        }

        if (scope is null)
        {
            // An empty non-executable process is a pool drawn for documentation (bpmn-js collaborations create them).
            if (starts.Count == 0 && (process.IsExecutable || nodes.Count > 0))
            {
                errors.Add(process.Key, "BPMN_PROCESS_NO_START");
            }

            foreach (var start in starts.Where(n => n.Trigger is not (EventTrigger.None or EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal)))
            {
                errors.Add(start.Id, "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "process startEvent", start.Trigger.ToString());
            }

            return;
        }

        if (noneStarts.Count == 0)
        {
            errors.Add(scope.Id, "BPMN_SUBPROCESS_NO_START");
        }

        foreach (var start in starts.Where(n => n.Trigger != EventTrigger.None))
        {
            errors.Add(start.Id, "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "subProcess startEvent", start.Trigger.ToString());
        }
    }

    /// <summary>An event subprocess starts by exactly one start event with a trigger; an error start always interrupts.</summary>
    private static void CheckEventSubProcessStart(FlowNode scope, List<FlowNode> starts, ValidationErrorList errors)
    {
        if (starts.Count != 1)
        {
            errors.Add(scope.Id, "BPMN_EVENT_SUBPROCESS_START_INVALID");
            return;
        }

        var start = starts[0];
        if (start.Trigger is not (EventTrigger.Message or EventTrigger.Timer or EventTrigger.Signal or EventTrigger.Error
            or EventTrigger.Escalation or EventTrigger.Conditional))
        {
            errors.Add(start.Id, "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "event subProcess startEvent", start.Trigger.ToString());
        }
        else if (start.Trigger == EventTrigger.Error && !start.IsInterrupting)
        {
            errors.Add(start.Id, "BPMN_ERROR_START_NOT_INTERRUPTING");
        }
    }

    private static void CheckFlowsOf(FlowNode node, ValidationErrorList errors)
    {
        if (node.TriggeredByEvent || node.IsForCompensation
            || node is { Kind: FlowNodeKind.BoundaryEvent, Trigger: EventTrigger.Compensation })
        {
            // event subprocesses, compensation handlers and compensation boundaries are reached by events, never by flows
            if (node.Incoming.Count > 0 || node.Outgoing.Count > 0)
            {
                errors.Add(node.Id, "BPMN_EVENT_ONLY_NODE_HAS_FLOW");
            }

            return;
        }

        if (node.Trigger == EventTrigger.Link)
        {
            var isCatch = node.Kind == FlowNodeKind.IntermediateCatchEvent;
            if (isCatch ? node.Incoming.Count > 0 || node.Outgoing.Count == 0 : node.Outgoing.Count > 0 || node.Incoming.Count == 0)
            {
                errors.Add(node.Id, isCatch ? "BPMN_LINK_CATCH_FLOWS" : "BPMN_LINK_THROW_FLOWS");
            }

            return;
        }

        switch (node.Kind)
        {
            case FlowNodeKind.StartEvent:
                if (node.Incoming.Count > 0)
                {
                    errors.Add(node.Id, "BPMN_START_HAS_INCOMING");
                }

                break;
            case FlowNodeKind.BoundaryEvent:
                if (node.Incoming.Count > 0)
                {
                    errors.Add(node.Id, "BPMN_BOUNDARY_HAS_INCOMING");
                }

                break;
            default:
                if (node.Incoming.Count == 0)
                {
                    errors.Add(node.Id, "BPMN_NODE_NO_INCOMING");
                }

                break;
        }

        if (node.Kind == FlowNodeKind.EndEvent)
        {
            if (node.Outgoing.Count > 0)
            {
                errors.Add(node.Id, "BPMN_END_HAS_OUTGOING");
            }
        }
        else if (node.Outgoing.Count == 0)
        {
            errors.Add(node.Id, "BPMN_NODE_NO_OUTGOING");
        }

        CheckDefaultFlow(node, errors);
        switch (node.Kind)
        {
            case FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway when node.Outgoing.Count > 1:
                foreach (var flow in node.Outgoing.Where(f => f.Id != node.DefaultFlowId && f.Condition is null))
                {
                    errors.Add(flow.Id, "BPMN_GATEWAY_FLOW_NO_CONDITION", node.Id);
                }

                break;
            case FlowNodeKind.ParallelGateway or FlowNodeKind.EventBasedGateway:
                foreach (var flow in node.Outgoing.Where(f => f.Condition is not null))
                {
                    errors.Add(flow.Id, "BPMN_FLOW_CONDITION_NOT_ALLOWED", node.Id);
                }

                if (node.Kind == FlowNodeKind.EventBasedGateway)
                {
                    CheckEventGatewayTargets(node, errors);
                }

                break;
        }
    }

    /// <summary>Only exclusive and inclusive gateways and activities have a default flow, and it is one of their own outgoing flows.</summary>
    private static void CheckDefaultFlow(FlowNode node, ValidationErrorList errors)
    {
        if (node.DefaultFlowId is null)
        {
            return;
        }

        var mayHaveDefault = node.IsActivity || node.Kind is FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway;
        if (!mayHaveDefault || node.Outgoing.All(f => f.Id != node.DefaultFlowId))
        {
            errors.Add(node.Id, "BPMN_DEFAULT_FLOW_INVALID", node.DefaultFlowId);
        }
    }

    private static void CheckEventGatewayTargets(FlowNode gateway, ValidationErrorList errors)
    {
        foreach (var target in gateway.Outgoing.Select(f => f.Target))
        {
            var waits = target.Kind == FlowNodeKind.ReceiveTask
                || (target.Kind == FlowNodeKind.IntermediateCatchEvent
                    && target.Trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal or EventTrigger.Conditional);
            if (!waits || target.Incoming.Count != 1)
            {
                errors.Add(target.Id, "BPMN_EVENT_GATEWAY_TARGET_INVALID", gateway.Id);
            }
        }
    }

    private static void CheckConfiguration(FlowNode node, ValidationErrorList errors)
    {
        if (node.Kind == FlowNodeKind.BoundaryEvent && node.Trigger == EventTrigger.Error && node.AttachedTo is { } activity)
        {
            if (activity.Kind is not (FlowNodeKind.ServiceTask or FlowNodeKind.SendTask or FlowNodeKind.SubProcess or FlowNodeKind.CallActivity))
            {
                errors.Add(node.Id, "BPMN_ERROR_BOUNDARY_NOT_ALLOWED", activity.Id);
            }

            if (!node.CancelActivity)
            {
                errors.Add(node.Id, "BPMN_ERROR_BOUNDARY_NOT_INTERRUPTING");
            }
        }

        var isSendLike = node.Kind is FlowNodeKind.ServiceTask or FlowNodeKind.SendTask;
        var isMessageThrow = node.Kind is FlowNodeKind.EndEvent or FlowNodeKind.IntermediateThrowEvent && node.Trigger == EventTrigger.Message;
        var configuredAsExternal = node.ImplementationType is not null || node.Topic is not null;
        if ((isSendLike || (isMessageThrow && configuredAsExternal))
            && (node.ImplementationType != "external" || string.IsNullOrWhiteSpace(node.Topic)))
        {
            errors.Add(node.Id, "BPMN_SERVICE_NO_TOPIC");
        }

        if (node.Kind == FlowNodeKind.UserTask && node.Priority is { } priority && !IsoTimer.IsExpression(priority)
            && !int.TryParse(priority, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(node.Id, "BPMN_USER_TASK_PRIORITY_INVALID", priority);
        }

        if (node.Kind == FlowNodeKind.CallActivity)
        {
            CheckCallActivity(node, errors);
        }

        if (node.Loop is { Collection: null, LoopCardinality: null })
        {
            errors.Add(node.Id, "BPMN_MULTI_INSTANCE_NO_COLLECTION");
        }
    }

    /// <summary>Where signal, escalation, link, compensation and cancel events may stand, and what they must point at.</summary>
    private static void CheckNewerEvents(ProcessDefinition process, FlowNode node, ValidationErrorList errors)
    {
        var siblings = process.NodesOf(node.Parent);
        switch (node.Trigger)
        {
            case EventTrigger.Link when node.Kind == FlowNodeKind.IntermediateThrowEvent:
                if (!siblings.Any(n => n.Kind == FlowNodeKind.IntermediateCatchEvent && n.Trigger == EventTrigger.Link && n.LinkName == node.LinkName))
                {
                    errors.Add(node.Id, "BPMN_LINK_TARGET_MISSING", node.LinkName);
                }

                break;
            case EventTrigger.Link when node.Kind == FlowNodeKind.IntermediateCatchEvent:
                if (siblings.Any(n => n != node && n.Kind == FlowNodeKind.IntermediateCatchEvent && n.Trigger == EventTrigger.Link && n.LinkName == node.LinkName))
                {
                    errors.Add(node.Id, "BPMN_LINK_CATCH_DUPLICATE", node.LinkName);
                }

                break;
            case EventTrigger.Escalation when node.Kind == FlowNodeKind.BoundaryEvent:
                if (node.AttachedTo is { } host && host.Kind is not (FlowNodeKind.SubProcess or FlowNodeKind.CallActivity))
                {
                    errors.Add(node.Id, "BPMN_ESCALATION_BOUNDARY_NOT_ALLOWED", host.Id);
                }

                break;
            case EventTrigger.Cancel when node.Kind == FlowNodeKind.EndEvent:
                if (node.Parent is not { IsTransaction: true })
                {
                    errors.Add(node.Id, "BPMN_CANCEL_OUTSIDE_TRANSACTION");
                }
                else if (!node.Parent.Boundaries.Any(b => b.Trigger == EventTrigger.Cancel))
                {
                    errors.Add(node.Parent.Id, "BPMN_TRANSACTION_NO_CANCEL_BOUNDARY");
                }

                break;
            case EventTrigger.Cancel when node.Kind == FlowNodeKind.BoundaryEvent:
                if (node.AttachedTo is not { IsTransaction: true })
                {
                    errors.Add(node.Id, "BPMN_CANCEL_OUTSIDE_TRANSACTION");
                }

                break;
            case EventTrigger.Compensation when node.Kind is FlowNodeKind.IntermediateThrowEvent or FlowNodeKind.EndEvent:
                if (node.CompensateActivityRef is { } activityRef
                    && !siblings.Any(n => n.Id == activityRef && n.IsActivity))
                {
                    errors.Add(node.Id, "BPMN_COMPENSATION_ACTIVITY_INVALID", activityRef);
                }

                break;
        }

        if (node.IsForCompensation && !process.NodesById.Values.Any(n => n.CompensationHandler == node))
        {
            errors.Add(node.Id, "BPMN_COMPENSATION_HANDLER_UNUSED");
        }
    }

    private static void CheckCallActivity(FlowNode node, ValidationErrorList errors)
    {
        if (node.CalledElement is null)
        {
            errors.Add(node.Id, "BPMN_CALL_NO_ELEMENT");
        }

        switch (node.CalledElementBinding)
        {
            case null or "latest":
                break;
            case "version":
                if (!int.TryParse(node.CalledElementVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
                {
                    errors.Add(node.Id, "BPMN_CALL_VERSION_INVALID", node.CalledElementVersion ?? "");
                }

                break;
            default:
                errors.Add(node.Id, "BPMN_CALL_BINDING_UNSUPPORTED", node.CalledElementBinding);
                break;
        }
    }
}
