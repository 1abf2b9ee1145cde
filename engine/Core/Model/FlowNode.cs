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
        or FlowNodeKind.SubProcess or FlowNodeKind.CallActivity or FlowNodeKind.ScriptTask;

    // Events beyond timer, message, error and terminate (signal, escalation, conditional, link, compensation, cancel)

    /// <summary>Signal name of a signal event (what a throw and its catches share).</summary>
    public string? SignalName { get; init; }

    /// <summary>Escalation code thrown, or caught (null on a catch: every escalation).</summary>
    public string? EscalationCode { get; init; }

    /// <summary>The condition of a conditional event (an expression, ${...}).</summary>
    public string? Condition { get; init; }

    /// <summary>The name that pairs a link throw event with the link catch event of its scope.</summary>
    public string? LinkName { get; init; }

    /// <summary>activityRef of a compensation throw: only that activity is compensated (null: every completed one of the scope).</summary>
    public string? CompensateActivityRef { get; init; }

    /// <summary>isForCompensation: the activity runs only as a compensation handler, never on a sequence flow.</summary>
    public bool IsForCompensation { get; init; }

    /// <summary>The handler of an activity with a compensation boundary event (wired through the boundary's association).</summary>
    public FlowNode? CompensationHandler { get; internal set; }

    /// <summary>A subprocess with triggeredByEvent="true": started by its start event, never by a sequence flow.</summary>
    public bool TriggeredByEvent { get; init; }

    /// <summary>A transaction subprocess (bpmn:transaction): a cancel end event inside compensates it and leaves by its cancel boundary.</summary>
    public bool IsTransaction { get; init; }

    /// <summary>isInterrupting of an event subprocess's start event (true unless set to false).</summary>
    public bool IsInterrupting { get; init; } = true;

    // Script task
    public string? ScriptFormat { get; init; }
    public string? Script { get; init; }

    /// <summary>camunda:resultVariable: the script's value is stored under this name.</summary>
    public string? ResultVariable { get; init; }

    /// <summary>An element the reader refused (unsupported, or an event whose definition it could not read): kept so that flows and
    /// boundaries pointing at it are not reported again, and skipped by the rules.</summary>
    internal bool Rejected { get; init; }

    /// <summary>The event subprocess whose start event this is, or null.</summary>
    public FlowNode? EventSubProcess => Kind == FlowNodeKind.StartEvent && Parent is { TriggeredByEvent: true } parent ? parent : null;

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;

    public override string ToString() => $"{Kind} {Id}";
}
