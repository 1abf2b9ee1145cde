using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Access;

namespace Decoupling.Application.Tasks;

/// <summary>The people a task may be handed to, by the same policy that checks the hand-over: pickers offer no one else.</summary>
public sealed class TaskPeople(WorkflowEngine engine, PeopleDirectory people)
{
    public async Task<IReadOnlyList<PeopleDirectory.Person>> ReceiversAsync(CaseActor actor, Guid taskId, HandOver kind, CancellationToken cancellationToken = default)
    {
        // the reader must see the task first: a picker must not list another department's task's people
        await engine.Tasks.DetailsAsync(taskId, actor.Actor, cancellationToken);
        var everyone = (await people.AllAsync(cancellationToken)).Where(p => p.UserName != actor.UserName).ToList();
        var eligible = (await engine.Tasks.ReceiversAsync(taskId, [.. everyone.Select(p => p.Actor)], kind, cancellationToken)).Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
        return everyone.Where(p => eligible.Contains(p.UserName)).ToList();
    }
}
