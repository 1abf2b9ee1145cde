using System.Text.Json.Nodes;

namespace Decoupling.Engine.Services;

/// <summary>What a service task handler sees: the task, its input parameters and a read-only view of the variables.</summary>
public sealed class ServiceTaskContext
{
    public required Guid InstanceId { get; init; }
    public required Guid RootInstanceId { get; init; }
    public required Guid ExecutionId { get; init; }
    public required string DefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    public required string ElementId { get; init; }
    public string? ElementName { get; init; }

    /// <summary>The process's name (行业协会商会脱钩), for records that say which case and step changed them.</summary>
    public string? ProcessName { get; init; }
    public required string Topic { get; init; }

    /// <summary>The camunda:inputParameter values, evaluated.</summary>
    public required JsonObject Inputs { get; init; }

    /// <summary>Process variables (with local ones overlaid); do not change them, return outputs instead.</summary>
    public required JsonObject Variables { get; init; }

    /// <summary>
    /// Which arrival of the token at this task: the job that runs it (the same across its retries and re-deliveries), or
    /// the step it runs in when it runs inline (a failed inline run records nothing; its retries run under their job). A
    /// token that comes back to the task (a returned checklist advanced again) is a new arrival.
    /// </summary>
    public string Activation { get; init; } = "";

    /// <summary>Same for every run of the same activation (retries, re-deliveries), new for each arrival: use it to do the work once.</summary>
    public string IdempotencyKey => $"{InstanceId:N}:{ExecutionId:N}:{ElementId}:{Activation}";
    public required DateTimeOffset Now { get; init; }
    public int Attempt { get; init; } = 1;

    private object? transaction;
    private Func<object?>? transactionSource;

    /// <summary>
    /// The store's open transaction (see IEngineSession.Transaction), so the handler can write in the same commit. Opened
    /// when a handler first asks for it: a step whose handlers write nothing of their own commits in one round trip.
    /// </summary>
    public object? Transaction
    {
        get => transaction ??= transactionSource?.Invoke();
        init => transaction = value;
    }

    /// <summary>Where <see cref="Transaction"/> comes from when a handler asks for it.</summary>
    internal Func<object?> TransactionSource
    {
        init => transactionSource = value;
    }

    public string? GetInput(string name) => Inputs[name]?.ToString() ?? Variables[name]?.ToString();
}
