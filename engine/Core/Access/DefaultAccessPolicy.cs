using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Access;

/// <summary>
/// The engine's own rules: a task is worked by its assignee, or claimed by a candidate; it is seen by its parties and
/// by whoever started or acted in the case; it is handed only to someone who could have had it (a candidate, or a
/// member of a group the node lists in its <c>transferTo</c> property); a process with starter groups or users is
/// started only by them. Administrators (and the engine's own system actor) pass every check.
/// </summary>
public class DefaultAccessPolicy : IAccessPolicy
{
    public const string TransferToProperty = "transferTo";

    public static DefaultAccessPolicy Instance { get; } = new();

    public virtual bool MayStart(ProcessDefinition process, Actor actor) =>
        actor.IsAdmin
        || (process.CandidateStarterGroups.Count == 0 && process.CandidateStarterUsers.Count == 0)
        || process.CandidateStarterUsers.Contains(actor.UserId, StringComparer.Ordinal)
        || process.CandidateStarterGroups.Any(actor.InGroup);

    public virtual bool MayWork(HumanTask task, Actor actor) =>
        actor.IsAdmin || task.Assignee == actor.UserId || (task.Assignee is null && TaskAccess.IsCandidate(task, actor));

    public virtual bool MaySee(HumanTask task, Actor actor, bool involved) =>
        actor.IsAdmin || involved || TaskAccess.IsParty(task, actor);

    public virtual bool MaySeeCase(ProcessInstance root, Actor actor, bool involved) => actor.IsAdmin || involved;

    public virtual bool MayReceive(HumanTask task, FlowNode node, Actor target, HandOver kind) =>
        !TaskAccess.HasCandidates(task)
        || TaskAccess.IsCandidate(task, target)
        || TaskAccess.InAnyGroup(target, node.Properties.GetValueOrDefault(TransferToProperty));
}
