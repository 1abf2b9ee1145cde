using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Listeners;

/// <summary>What a completion check sees: the task, who completes it with which outcome, and the variables.</summary>
public sealed class TaskListenerContext
{
    public required HumanTask Task { get; init; }

    public required Actor Actor { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The form values being written by this completion (already checked against the form).</summary>
    public required JsonObject Submitted { get; init; }

    /// <summary>The variables the task sees (process variables with locals overlaid), before this completion.</summary>
    public required JsonObject Variables { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The step's open transaction, so a check reads the platform's data as the step will commit it.</summary>
    public object? Transaction { get; init; }

    /// <summary>The exception that refuses the completion with a reason people can act on.</summary>
    public static EngineException Refuse(string reason) => new(EngineErrors.TaskRefused, reason, field: null);
}
