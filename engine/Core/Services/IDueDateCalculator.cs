using Decoupling.Engine.Model;

namespace Decoupling.Engine.Services;

/// <summary>
/// Computes a user task's due time where the definition asks for something the engine cannot know, such as a time
/// limit in working days on the district's holiday calendar. Null: use camunda:dueDate as the engine reads it.
/// </summary>
public interface IDueDateCalculator
{
    Task<DateTimeOffset?> DueAtAsync(FlowNode node, DateTimeOffset now, object? transaction, CancellationToken cancellationToken);
}
