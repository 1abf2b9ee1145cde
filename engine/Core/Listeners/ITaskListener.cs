namespace Decoupling.Engine.Listeners;

/// <summary>
/// A check a definition attaches to a user task (<c>camunda:taskListener event="complete" delegateExpression="${Name}"</c>).
/// It runs inside the completing step, before the token moves; throwing <see cref="TaskListenerContext.Refuse"/>'s
/// exception refuses the completion with its reason and nothing is written.
/// </summary>
public interface ITaskListener
{
    string Name { get; }

    Task OnCompleteAsync(TaskListenerContext context, CancellationToken cancellationToken);
}
