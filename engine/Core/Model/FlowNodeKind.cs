namespace Decoupling.Engine.Model;

/// <summary>The BPMN flow node types the engine executes. Anything else is rejected by name at validation.</summary>
public enum FlowNodeKind
{
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    Task,
    ManualTask,
    UserTask,
    ServiceTask,
    SendTask,
    ReceiveTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    SubProcess,
    CallActivity,
    ScriptTask,
}
