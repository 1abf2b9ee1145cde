namespace Decoupling.Engine.Model;

/// <summary>
/// One flow node of a process, with the BPMN and camunda: attributes the engine reads.
/// A single class rather than a hierarchy: the runtime switches on <see cref="Kind"/>, and the parser fills only what applies.
/// </summary>
public sealed class FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required FlowNodeKind Kind { get; init; }

    /// <summary>The enclosing subprocess, or null for a node directly in the process.</summary>
    public FlowNode? Parent { get; internal set; }

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];
    public string? DefaultFlowId { get; init; }

    // Events
    public EventTrigger Trigger { get; init; }
    public TimerDefinition? Timer { get; init; }
    public string? MessageName { get; init; }

    /// <summary>Error code thrown by an error end event, or caught by an error boundary event (null there catches every error).</summary>
    public string? ErrorCode { get; init; }
    public string? AttachedToId { get; init; }
    public FlowNode? AttachedTo { get; internal set; }
    public bool CancelActivity { get; init; } = true;
    public List<FlowNode> Boundaries { get; } = [];

    // Service, send and user tasks
    /// <summary>camunda:type ("external" for handlers registered by topic).</summary>
    public string? ImplementationType { get; init; }
    public string? Topic { get; init; }
    public bool AsyncBefore { get; init; }
    public List<IoParameter> Inputs { get; init; } = [];
    public List<IoParameter> Outputs { get; init; } = [];
    public string? Assignee { get; init; }
    public string? CandidateUsers { get; init; }
    public string? CandidateGroups { get; init; }
    public string? DueDate { get; init; }
    public string? Priority { get; init; }
    public string? FormKey { get; init; }

    /// <summary>camunda:formData of a user task or start event: what people may write here (null: no contract, plain BPMN).</summary>
    public Forms.FormDefinition? Form { get; init; }

    /// <summary>camunda:taskListener entries of a user task.</summary>
    public List<TaskListenerDefinition> TaskListeners { get; init; } = [];

    /// <summary>camunda:properties; the engine reads a few (allowWithdraw, allowReturn, approvalMode...) and the host reads the rest.</summary>
    public Dictionary<string, string> Properties { get; init; } = new(StringComparer.Ordinal);
    public string? ModelerTemplate { get; init; }

    // Call activity
    public string? CalledElement { get; init; }
    public string? CalledElementBinding { get; init; }
    public string? CalledElementVersion { get; init; }
    public List<CallMapping> InMappings { get; init; } = [];
    public List<CallMapping> OutMappings { get; init; } = [];

    // Subprocess
    public List<FlowNode> Children { get; } = [];

    public LoopCharacteristics? Loop { get; init; }

    public bool IsGateway => Kind is FlowNodeKind.ExclusiveGateway or FlowNodeKind.ParallelGateway
        or FlowNodeKind.InclusiveGateway or FlowNodeKind.EventBasedGateway;

    /// <summary>Activities are the nodes that can carry boundary events and loop characteristics.</summary>
    public bool IsActivity => Kind is FlowNodeKind.Task or FlowNodeKind.ManualTask or FlowNodeKind.UserTask
        or FlowNodeKind.ServiceTask or FlowNodeKind.SendTask or FlowNodeKind.ReceiveTask
        or FlowNodeKind.SubProcess or FlowNodeKind.CallActivity;

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;

    public override string ToString() => $"{Kind} {Id}";
}
