using Decoupling.Engine.Listeners;
using Decoupling.Engine.Services;

namespace Decoupling.Workflows.Tests.Scenarios;

/// <summary>
/// The completion checks the shipped flows name, passing: these scenarios test the engine's human operations, not the
/// platform's records the real checks read (those are tested in the host's procedure tests).
/// </summary>
internal sealed class PassingChecks(string name) : ITaskListener
{
    public static readonly string[] Names = ["checklistSelfChecked", "checklistVerifiable", "checklistSealed", "evidenceComplete"];

    public string Name { get; } = name;

    public static EngineExtensions Extensions() => new() { TaskListeners = [.. Names.Select(n => new PassingChecks(n))] };

    public Task OnCompleteAsync(TaskListenerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
