using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Identity;
using Decoupling.Engine.Listeners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Checks;

/// <summary>
/// Base of the completion checks a definition attaches to a user task (camunda:taskListener event="complete"
/// delegateExpression="${Name}"): each reads the platform's data inside the engine's step, through its transaction, and
/// refuses the completion with a reason people can act on.
/// </summary>
public abstract class CompletionCheck(IServiceScopeFactory scopes) : ITaskListener
{
    public abstract string Name { get; }

    public async Task OnCompleteAsync(TaskListenerContext context, CancellationToken cancellationToken)
    {
        await using var scope = ActivityScope.Open(scopes, context.Transaction, context.Actor.UserId);
        if (await ProblemAsync(context, scope, cancellationToken) is { } reason)
        {
            throw TaskListenerContext.Refuse(reason);
        }
    }

    /// <summary>Why the task may not be completed now, or null.</summary>
    protected abstract Task<string?> ProblemAsync(TaskListenerContext context, ActivityScope scope, CancellationToken cancellationToken);

    protected static Guid AssociationOf(TaskListenerContext context) =>
        Guid.TryParse(context.Variables["associationId"]?.ToString(), out var id) ? id : Guid.Empty;

    protected static Task<PlatformUser?> AccountAsync(ActivityScope scope, TaskListenerContext context, CancellationToken cancellationToken) =>
        scope.Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == context.Actor.UserId, cancellationToken);
}
