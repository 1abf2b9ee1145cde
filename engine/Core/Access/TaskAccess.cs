using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Access;

/// <summary>The facts the access rules are made of: is someone the assignee, a candidate, a party of the task.</summary>
public static class TaskAccess
{
    /// <summary>Named candidate user, or member of a candidate group.</summary>
    public static bool IsCandidate(HumanTask task, Actor actor) =>
        task.CandidateUsers.Contains("," + actor.UserId + ",", StringComparison.Ordinal)
        || actor.Groups.Any(g => task.CandidateGroups.Contains("," + g + ",", StringComparison.Ordinal));

    public static bool HasCandidates(HumanTask task) => task.CandidateUsers.Length > 0 || task.CandidateGroups.Length > 0;

    /// <summary>Assignee, owner (delegated it), completer or candidate: the task is, or was, theirs.</summary>
    public static bool IsParty(HumanTask task, Actor actor) =>
        task.Assignee == actor.UserId || task.Owner == actor.UserId || task.CompletedBy == actor.UserId || IsCandidate(task, actor);

    /// <summary>Is the actor in one of these groups (a comma-separated list from a definition)?</summary>
    public static bool InAnyGroup(Actor actor, string? groups) =>
        !string.IsNullOrWhiteSpace(groups)
        && groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(actor.InGroup);
}
