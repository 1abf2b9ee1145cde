namespace Decoupling.Engine.Entities;

public enum ExecutionRole
{
    Token,

    /// <summary>The body of a multi-instance activity: holds the counters and the inner executions.</summary>
    MultiInstanceBody,

    /// <summary>One instance of a multi-instance activity (its element variable and loopCounter are local to it).</summary>
    MultiInstanceInner,
}
