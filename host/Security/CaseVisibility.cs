using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Security;

/// <summary>
/// The one rule for who may see a case or a task, shared by the API and the pages: the leading group and
/// administrators see everything; otherwise the starter, and whoever a task of the case is or was for (assignee, owner,
/// completer, candidate user or group). Anyone else is answered as if the case did not exist.
/// </summary>
public static class CaseVisibility
{
    public static bool MaySeeTask(HumanTask task, Actor actor, bool leadership) =>
        leadership || actor.IsAdmin || IsFor(task, actor);

    public static bool MaySeeCase(ProcessInstance instance, IEnumerable<HumanTask> tasksOfCase, Actor actor, bool leadership) =>
        leadership || actor.IsAdmin || instance.StartedBy == actor.UserId || tasksOfCase.Any(t => IsFor(t, actor));

    private static bool IsFor(HumanTask task, Actor actor) =>
        task.Assignee == actor.UserId || task.Owner == actor.UserId || task.CompletedBy == actor.UserId
        || task.CandidateUsers.Contains("," + actor.UserId + ",", StringComparison.Ordinal)
        || actor.Groups.Any(g => task.CandidateGroups.Contains("," + g + ",", StringComparison.Ordinal));
}
