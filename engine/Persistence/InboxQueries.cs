using System.Text;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// The inbox on <see cref="TaskCandidate"/>: a page is, per key of the actor (a:me, u:me, g:each group), the first rows of
/// an index range in inbox order, merged; the count adds index counts, de-duplicating only the rows of tasks with more than
/// one candidate. Plain SQL that PostgreSQL and SQLite both run.
/// </summary>
internal static class InboxQueries
{
    public static async Task<List<HumanTask>> PageAsync(EngineDbContext context, Actor actor, int skip, int take, CancellationToken cancellationToken)
    {
        if (context is PostgresEngineDbContext)
        {
            // read straight from Npgsql with the store's row reader, untracked: EF Core's raw-SQL pipeline added about a
            // tenth to the page's time (1,000,000 open tasks, taken in turns: p50 1.9 ms through EF, 1.7 ms directly)
            var (positional, values) = PageSql(actor, skip, take, positional: true);
            return await PostgresRowReader.QueryUntrackedAsync<HumanTask>(context, positional, values, cancellationToken);
        }

        var (sql, arguments) = PageSql(actor, skip, take, positional: false);
        return await context.Tasks.FromSqlRaw(sql, [.. arguments]).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The page's SQL and its parameter values: with EF Core's {n} placeholders, or with PostgreSQL's $n when
    /// <paramref name="positional"/> (the benchmark explains the same text).
    /// </summary>
    internal static (string Sql, List<object> Arguments) PageSql(Actor actor, int skip, int take, bool positional)
    {
        var keys = Keys(actor);
        var arguments = new List<object>();
        var branches = new List<string>();
        foreach (var key in keys)
        {
            arguments.Add(key);
            var placeholder = positional ? "$" + arguments.Count : "{" + (arguments.Count - 1) + "}";
            branches.Add($"""
                SELECT * FROM (SELECT "TaskId", "Urgency", "CreatedAt" FROM wf_task_candidates
                WHERE "Candidate" = {placeholder} AND "Visible" ORDER BY "Urgency", "CreatedAt" LIMIT {skip + take}) AS b{branches.Count}
                """);
        }

        var sql = $"""
            SELECT t.* FROM wf_tasks AS t JOIN (
              SELECT k."TaskId", min(k."Urgency") AS u, min(k."CreatedAt") AS c FROM ({string.Join(" UNION ALL ", branches)}) AS k
              GROUP BY k."TaskId" ORDER BY u, c, k."TaskId" LIMIT {take} OFFSET {skip}
            ) AS p ON p."TaskId" = t."Id"
            ORDER BY p.u, p.c, t."Id"
            """;
        return (sql, arguments);
    }

    /// <summary>
    /// Single-key tasks from the counters where the store keeps them (PostgreSQL), else from the candidate rows; tasks with
    /// several keys from the candidate rows, de-duplicated.
    /// </summary>
    public static async Task<int> CountAsync(EngineDbContext context, Actor actor, bool countersKept, CancellationToken cancellationToken)
    {
        var keys = Keys(actor);
        var list = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            list.Append(i == 0 ? "" : ", ").Append('{').Append(i).Append('}');
        }

        var sql = $"""
            SELECT {(countersKept
                ? $"""(SELECT COALESCE(sum("Count"), 0)::bigint FROM wf_inbox_counts WHERE "Candidate" IN ({list}))"""
                : $"""(SELECT count(*) FROM wf_task_candidates WHERE "Candidate" IN ({list}) AND "Visible" AND NOT "Shared")""")}
                 + (SELECT count(*) FROM (SELECT DISTINCT "TaskId" FROM wf_task_candidates WHERE "Candidate" IN ({list}) AND "Visible" AND "Shared") AS s)
                 AS "Value"
            """;
        var counts = await context.Database.SqlQueryRaw<long>(sql, [.. keys]).ToListAsync(cancellationToken);
        return (int)counts[0];
    }

    private static List<string> Keys(Actor actor)
    {
        var keys = new List<string> { "a:" + actor.UserId, "u:" + actor.UserId };
        keys.AddRange(actor.Groups.Select(g => "g:" + g));
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }
}
