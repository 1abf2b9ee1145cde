namespace Decoupling.Engine.Entities;

/// <summary>
/// A token, or a scope holding tokens (subprocess, multi-instance body). Ended executions are deleted; the journal keeps history.
/// ParentId null means the token is directly in the process instance's scope.
/// </summary>
public sealed class Execution
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? ParentId { get; set; }
    public string ElementId { get; set; } = "";
    public ExecutionState State { get; set; }

    /// <summary>The sequence flow the token arrived by (parallel and inclusive joins count arrivals per flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Local variables (multi-instance element variable, loop counters, input mappings); null when none.</summary>
    public string? LocalVariablesJson { get; set; }

    /// <summary>Marks the inner executions of a multi-instance body and the body itself.</summary>
    public ExecutionRole Role { get; set; }
    public int LoopIndex { get; set; }

    /// <summary>The step that created this execution; withdraw uses it to find what a completion produced.</summary>
    public long CreatedInStep { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
