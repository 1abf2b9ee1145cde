namespace Decoupling.Engine.Entities;

public enum ExecutionState
{
    /// <summary>A token waiting at a node (user task, receive task, catch event, join, async job).</summary>
    Waiting,

    /// <summary>A scope that holds child executions: subprocess, multi-instance body, call activity waiting for its child.</summary>
    Scope,
}
