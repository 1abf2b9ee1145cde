using Decoupling.Engine.Listeners;

namespace Decoupling.Engine.Simulation;

/// <summary>A completion check the simulator lets pass: it has none of the records the platform's checks read.</summary>
internal sealed class PassingTaskListener(string name) : ITaskListener
{
    public string Name { get; } = name;

    public Task OnCompleteAsync(TaskListenerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
