using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// Keeps <see cref="TaskCandidate"/> rows in step with the tasks a unit of work adds or changes, from the change
/// tracker alone (no read): a task that opens gets its rows, one that closes loses them, a claim or transfer moves
/// which rows are visible. The rows go in the same commit as the task.
/// </summary>
internal static class CandidateSync
{
    /// <summary>Adds, removes and updates the rows; returns, per key, how its count of single-key visible tasks changes.</summary>
    public static Dictionary<string, long> Apply(EngineDbContext context)
    {
        var deltas = new Dictionary<string, long>(StringComparer.Ordinal);
        void Count(string key, bool shared, int by)
        {
            if (!shared)
            {
                deltas[key] = deltas.GetValueOrDefault(key) + by;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<HumanTask>().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var task = entry.Entity;
            var before = entry.State == EntityState.Added ? [] : Original(entry);
            var after = entry.State == EntityState.Deleted ? [] : RowsOf(task.State, task.Assignee, task.CandidateUsers, task.CandidateGroups);

            var shared = Split(task.CandidateUsers).Count() + Split(task.CandidateGroups).Count() > 1;
            bool IsShared(string key) => shared && !key.StartsWith("a:", StringComparison.Ordinal);
            foreach (var (candidate, wasVisible) in before.Where(b => !after.ContainsKey(b.Key)))
            {
                context.Remove(Tracked(context, task.Id, candidate));
                if (wasVisible)
                {
                    Count(candidate, IsShared(candidate), -1);
                }
            }

            foreach (var (candidate, visible) in after)
            {
                if (!before.TryGetValue(candidate, out var was))
                {
                    context.Add(new TaskCandidate
                    {
                        TaskId = task.Id,
                        Candidate = candidate,
                        Visible = visible,
                        Urgency = task.Priority > 50 ? 0 : 1,
                        CreatedAt = task.CreatedAt,
                        Shared = IsShared(candidate),
                    });
                    if (visible)
                    {
                        Count(candidate, IsShared(candidate), +1);
                    }
                }
                else if (was != visible)
                {
                    var row = Tracked(context, task.Id, candidate);
                    var property = context.Entry(row).Property(r => r.Visible);
                    property.OriginalValue = was;
                    row.Visible = visible;
                    property.IsModified = true;
                    Count(candidate, IsShared(candidate), visible ? +1 : -1);
                }
            }
        }

        return deltas;
    }

    /// <summary>The rows an open task has: its assignee's (visible), or else its candidates' (visible); none when not open.</summary>
    public static Dictionary<string, bool> RowsOf(HumanTaskState state, string? assignee, string candidateUsers, string candidateGroups)
    {
        var rows = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (state != HumanTaskState.Open)
        {
            return rows;
        }

        var candidatesVisible = assignee is null;
        foreach (var user in Split(candidateUsers))
        {
            rows["u:" + user] = candidatesVisible;
        }

        foreach (var group in Split(candidateGroups))
        {
            rows["g:" + group] = candidatesVisible;
        }

        if (assignee is not null)
        {
            rows["a:" + assignee] = true;
        }

        return rows;
    }

    private static Dictionary<string, bool> Original(EntityEntry<HumanTask> entry) => RowsOf(
        entry.Property(t => t.State).OriginalValue,
        entry.Property(t => t.Assignee).OriginalValue,
        entry.Property(t => t.CandidateUsers).OriginalValue,
        entry.Property(t => t.CandidateGroups).OriginalValue);

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The row as tracked, or a stand-in with its key (an update or delete needs only the key).</summary>
    private static TaskCandidate Tracked(EngineDbContext context, Guid taskId, string candidate)
    {
        var local = context.Candidates.Local.FirstOrDefault(c => c.TaskId == taskId && c.Candidate == candidate);
        if (local is not null)
        {
            return local;
        }

        var stub = new TaskCandidate { TaskId = taskId, Candidate = candidate };
        context.Attach(stub);
        return stub;
    }
}
