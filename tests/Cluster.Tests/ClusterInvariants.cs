using Decoupling.Domain.Numbering;
using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// What must hold in the database whatever the nodes did or suffered, each check returning the violations it found
/// (empty when it holds), so a failing test names every broken case rather than the first.
/// </summary>
public static class ClusterInvariants
{
    /// <summary>
    /// No lost or duplicated transition: a completed task has exactly one task-completed journal row, an open or
    /// cancelled one none, and no task has two.
    /// </summary>
    public static async Task<List<string>> TasksCompletedOnceAsync(ClusterHarness cluster, IReadOnlyCollection<Guid> roots)
    {
        await using var db = cluster.EngineDb();
        var tasks = await db.Tasks.AsNoTracking().Where(t => roots.Contains(t.RootInstanceId))
            .Select(t => new { t.Id, t.ElementId, t.State, t.RootInstanceId }).ToListAsync();
        var completions = await db.Journal.AsNoTracking().Where(j => roots.Contains(j.RootInstanceId) && j.Kind == "task-completed" && j.TaskId != null)
            .GroupBy(j => j.TaskId!.Value).Select(g => new { TaskId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TaskId, g => g.Count);
        var problems = new List<string>();
        foreach (var task in tasks)
        {
            var count = completions.GetValueOrDefault(task.Id);
            var expected = task.State is HumanTaskState.Completed or HumanTaskState.WaitingForSigners ? 1 : 0;
            if (count != expected)
            {
                problems.Add($"task {task.ElementId} {task.Id} of case {task.RootInstanceId} is {task.State} with {count} task-completed journal rows");
            }
        }

        return problems;
    }

    /// <summary>
    /// Every instance agrees with its journal: an ended instance holds no token, open task or pending job and its journal
    /// says it ended once; an active one journaled its start and every open task's creation, and holds a token.
    /// </summary>
    public static async Task<List<string>> InstancesMatchJournalAsync(ClusterHarness cluster, IReadOnlyCollection<Guid> roots)
    {
        await using var db = cluster.EngineDb();
        var instances = await db.Instances.AsNoTracking().Where(i => roots.Contains(i.RootInstanceId)).ToListAsync();
        var ids = instances.Select(i => i.Id).ToList();
        var tokens = await db.Executions.AsNoTracking().Where(e => ids.Contains(e.InstanceId)).GroupBy(e => e.InstanceId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var openTasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId) && t.State == HumanTaskState.Open).ToListAsync();
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.InstanceId != null && ids.Contains(j.InstanceId.Value)).GroupBy(j => j.InstanceId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var journal = await db.Journal.AsNoTracking().Where(j => roots.Contains(j.RootInstanceId)
                && (j.Kind == "instance-started" || j.Kind == "instance-completed" || j.Kind == "instance-cancelled" || j.Kind == "task-created"))
            .Select(j => new { j.InstanceId, j.Kind, j.TaskId }).ToListAsync();
        var problems = new List<string>();
        foreach (var instance in instances)
        {
            var mine = journal.Where(j => j.InstanceId == instance.Id).ToList();
            var ended = mine.Count(j => j.Kind is "instance-completed" or "instance-cancelled");
            if (mine.Count(j => j.Kind == "instance-started") != 1)
            {
                problems.Add($"{instance.DefinitionKey} {instance.Id}: {mine.Count(j => j.Kind == "instance-started")} instance-started rows");
            }

            if (instance.State == InstanceState.Active)
            {
                if (ended != 0)
                {
                    problems.Add($"{instance.DefinitionKey} {instance.Id} is active but its journal says it ended");
                }

                if (tokens.GetValueOrDefault(instance.Id) == 0)
                {
                    problems.Add($"{instance.DefinitionKey} {instance.Id} is active with no token");
                }

                foreach (var task in openTasks.Where(t => t.InstanceId == instance.Id && !mine.Any(j => j.Kind == "task-created" && j.TaskId == t.Id)))
                {
                    problems.Add($"open task {task.ElementId} {task.Id} of {instance.Id} has no task-created journal row");
                }
            }
            else
            {
                if (ended != 1)
                {
                    problems.Add($"{instance.DefinitionKey} {instance.Id} is {instance.State} with {ended} end rows in its journal");
                }

                var left = tokens.GetValueOrDefault(instance.Id) + jobs.GetValueOrDefault(instance.Id) + openTasks.Count(t => t.InstanceId == instance.Id);
                if (left != 0)
                {
                    problems.Add($"{instance.DefinitionKey} {instance.Id} is {instance.State} but still holds {left} tokens, jobs or open tasks");
                }
            }
        }

        return problems;
    }

    /// <summary>Every issued review-document number is unique and each department-year sequence runs 1..n with the counter at n.</summary>
    public static async Task<List<string>> NumbersUniqueAndGapFreeAsync(ClusterHarness cluster)
    {
        await using var db = cluster.PlatformDb();
        var issued = await db.Set<IssuedDocumentNumber>().AsNoTracking().ToListAsync();
        var counters = await db.Set<DocumentNumberCounter>().AsNoTracking().ToListAsync();
        var problems = issued.GroupBy(n => n.Number).Where(g => g.Count() > 1).Select(g => $"number {g.Key} issued {g.Count()} times").ToList();
        foreach (var sequence in issued.GroupBy(n => (n.DepartmentCode, n.Year)))
        {
            var numbers = sequence.Select(n => n.Sequence).Order().ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)))
            {
                problems.Add($"{sequence.Key.DepartmentCode}/{sequence.Key.Year}: sequences {string.Join(",", numbers)} are not 1..{numbers.Count}");
            }

            var counter = counters.FirstOrDefault(c => c.DepartmentCode == sequence.Key.DepartmentCode && c.Year == sequence.Key.Year);
            if (counter?.LastSequence != numbers.Count)
            {
                problems.Add($"{sequence.Key.DepartmentCode}/{sequence.Key.Year}: counter at {counter?.LastSequence} after {numbers.Count} numbers");
            }
        }

        return problems;
    }

    public static async Task<List<string>> AllAsync(ClusterHarness cluster, IReadOnlyCollection<Guid> roots) =>
    [
        .. await TasksCompletedOnceAsync(cluster, roots),
        .. await InstancesMatchJournalAsync(cluster, roots),
        .. await NumbersUniqueAndGapFreeAsync(cluster),
    ];
}
