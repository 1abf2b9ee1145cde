using System.Text;
using Decoupling.Engine.Persistence.Resources;
using Decoupling.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// Writes a step on PostgreSQL in one round trip: every insert, update and delete of the unit of work goes in one
/// <see cref="NpgsqlBatch"/>, which PostgreSQL runs as one implicit transaction (or inside the session's transaction when a
/// host handler opened one). Rows of one table are inserted by one multi-row INSERT. A row with a concurrency token
/// (an instance's or a job's Revision) is updated or deleted first, by a statement that divides by the number of rows it
/// matched: a stale revision is a division by zero, which aborts the batch, so nothing of the step is written and the
/// caller gets the same <see cref="DbUpdateConcurrencyException"/> that SaveChanges would throw. EF Core's SaveChanges
/// sent BEGIN, one statement per row with its affected-row check, and COMMIT, for what this sends at once.
/// </summary>
internal static class PostgresBatchWriter
{
    private const string DivisionByZero = "22012";

    /// <param name="latestRelied">Versions the step took to be their key's latest without reading them: checked first.</param>
    public static async Task WriteAsync(EngineDbContext context, IReadOnlyDictionary<string, long> inboxDeltas,
        IReadOnlyList<(string Key, LatestDefinitions.Latest Latest)> latestRelied, CancellationToken cancellationToken)
    {
        var entries = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        await using var batch = new NpgsqlBatch(connection, transaction);
        await using var scratch = new NpgsqlCommand();
        var plan = new List<Planned>();
        foreach (var (key, latest) in latestRelied.Distinct())
        {
            // fails the batch (division by zero) when a newer version of the key was deployed since the store learnt this one
            var check = new NpgsqlBatchCommand(
                """SELECT 1 / (NOT EXISTS (SELECT 1 FROM wf_definitions WHERE "Key" = $1 AND "Version" > $2))::int""");
            check.Parameters.Add(new NpgsqlParameter { Value = key });
            check.Parameters.Add(new NpgsqlParameter { Value = latest.Version });
            plan.Add(new Planned(check, [], ReturnsRows: true, Generated: null, Definition: key));
        }

        foreach (var entry in entries.Where(e => e.State != EntityState.Added && Token(e.Metadata) is not null))
        {
            if (Checked(entry, scratch) is { } command)
            {
                plan.Add(new Planned(command, [entry], ReturnsRows: true, Generated: null));
            }
        }

        foreach (var entry in entries.Where(e => e.State == EntityState.Deleted && Token(e.Metadata) is null))
        {
            plan.Add(new Planned(Delete(entry, scratch), [entry], ReturnsRows: false, Generated: null));
        }

        foreach (var group in entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata))
        {
            // the change tracker does not keep the order of adds; journal rows carry theirs (Sequence) and their ids must follow it
            var sequence = group.Key.FindProperty("Sequence");
            var rows = sequence is null ? group.ToList() : [.. group.OrderBy(e => Convert.ToInt64(e.Property(sequence.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))];
            var generated = group.Key.GetProperties().FirstOrDefault(p => rows[0].Property(p.Name).IsTemporary);
            plan.Add(new Planned(Insert(group.Key, rows, generated, scratch), rows, ReturnsRows: generated is not null, generated));
        }

        foreach (var entry in entries.Where(e => e.State == EntityState.Modified && Token(e.Metadata) is null))
        {
            if (Update(entry, scratch, null) is { } command)
            {
                plan.Add(new Planned(command, [entry], ReturnsRows: false, Generated: null));
            }
        }

        if (inboxDeltas.Where(d => d.Value != 0).OrderBy(d => d.Key, StringComparer.Ordinal).ToList() is { Count: > 0 } changes)
        {
            plan.Add(new Planned(InboxCounts(changes), [], ReturnsRows: false, Generated: null));
        }

        foreach (var planned in plan)
        {
            batch.BatchCommands.Add(planned.Command);
        }

        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var planned in plan.Where(p => p.ReturnsRows))
            {
                var row = 0;
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (planned.Generated is { } property)
                    {
                        var entry = planned.Entries[row++];
                        entry.Property(property.Name).CurrentValue = Convert.ChangeType(reader.GetValue(0), property.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                        entry.Property(property.Name).IsTemporary = false;
                    }
                }

                await reader.NextResultAsync(cancellationToken);
            }
        }
        catch (PostgresException exception)
        {
            // Npgsql names the failing command; when it does not, the checked rows come first and one of them failed
            var culprit = plan.FirstOrDefault(p => p.Command == exception.BatchCommand)
                ?? (exception.SqlState == DivisionByZero ? plan.FirstOrDefault(p => p.ReturnsRows && p.Generated is null) : null);
            if (culprit?.Definition is { } key && exception.SqlState == DivisionByZero)
            {
                throw new EngineConflictException(PersistenceText.Get("STORE_CONFLICT_DEFINITION_NEWER", key), exception);
            }

            var failed = UpdateEntries(culprit?.Entries ?? []);
            if (exception.SqlState == DivisionByZero)
            {
                throw new DbUpdateConcurrencyException(
                    "The row was changed or deleted by another unit of work since it was read.", exception, failed);
            }

            throw new DbUpdateException(exception.Message, exception, failed);
        }
    }

    /// <summary>The form EF Core's update exceptions carry, so the conflict translator names the row as it does for SaveChanges.</summary>
    private static List<IUpdateEntry> UpdateEntries(IReadOnlyList<EntityEntry> entries)
    {
#pragma warning disable EF1001 // the state entry behind an EntityEntry is what DbUpdateException takes
        return [.. entries.Select(e => (IUpdateEntry)((IInfrastructure<InternalEntityEntry>)e).Instance)];
#pragma warning restore EF1001
    }

    /// <summary>
    /// Adds the step's changes to the inbox counters: one slot per key, chosen at random so that concurrent steps for the
    /// same department rarely wait on one row; keys in order so that two steps never lock each other's rows crosswise.
    /// </summary>
    private static NpgsqlBatchCommand InboxCounts(List<KeyValuePair<string, long>> changes)
    {
        var command = new NpgsqlBatchCommand();
        var sql = new StringBuilder("""INSERT INTO wf_inbox_counts ("Candidate", "Slot", "Count") VALUES """);
        for (var i = 0; i < changes.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = changes[i].Key });
            command.Parameters.Add(new NpgsqlParameter { Value = Random.Shared.Next(InboxCount.Slots) });
            command.Parameters.Add(new NpgsqlParameter { Value = changes[i].Value });
            sql.Append(i == 0 ? "" : ", ").Append($"(${3 * i + 1}, ${3 * i + 2}, ${3 * i + 3})");
        }

        command.CommandText = sql.Append(""" ON CONFLICT ("Candidate", "Slot") DO UPDATE SET "Count" = wf_inbox_counts."Count" + EXCLUDED."Count" """).ToString();
        return command;
    }

    private static IProperty? Token(IEntityType type) => type.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken);

    /// <summary>An update or delete that fails the batch unless exactly the row with the revision read is there.</summary>
    private static NpgsqlBatchCommand? Checked(EntityEntry entry, NpgsqlCommand scratch)
    {
        var token = Token(entry.Metadata)!;
        NpgsqlBatchCommand? inner = entry.State == EntityState.Deleted ? Delete(entry, scratch, token) : Update(entry, scratch, token);
        if (inner is null)
        {
            return null;
        }

        inner.CommandText = $"WITH changed AS ({inner.CommandText} RETURNING 1) SELECT 1 / (SELECT count(*)::int FROM changed)";
        return inner;
    }

    private static NpgsqlBatchCommand Insert(IEntityType type, List<EntityEntry> rows, IProperty? generated, NpgsqlCommand scratch)
    {
        var columns = type.GetProperties().Where(p => p != generated).ToList();
        var command = new NpgsqlBatchCommand();
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(type.GetTableName()!)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName()))).Append(") VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(Parameter(command, scratch, columns[c], rows[r].Property(columns[c].Name).CurrentValue));
            }

            sql.Append(')');
        }

        if (generated is not null)
        {
            sql.Append(" RETURNING ").Append(Quote(generated.GetColumnName()));
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static NpgsqlBatchCommand? Update(EntityEntry entry, NpgsqlCommand scratch, IProperty? token)
    {
        var changed = entry.Metadata.GetProperties().Where(p => !p.IsPrimaryKey() && entry.Property(p.Name).IsModified).ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand();
        var sql = new StringBuilder("UPDATE ").Append(Quote(entry.Metadata.GetTableName()!)).Append(" SET ");
        for (var i = 0; i < changed.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(Quote(changed[i].GetColumnName())).Append(" = ")
                .Append(Parameter(command, scratch, changed[i], entry.Property(changed[i].Name).CurrentValue));
        }

        command.CommandText = sql.Append(Where(entry, command, scratch, token)).ToString();
        return command;
    }

    private static NpgsqlBatchCommand Delete(EntityEntry entry, NpgsqlCommand scratch, IProperty? token = null)
    {
        var command = new NpgsqlBatchCommand();
        command.CommandText = "DELETE FROM " + Quote(entry.Metadata.GetTableName()!) + Where(entry, command, scratch, token);
        return command;
    }

    private static string Where(EntityEntry entry, NpgsqlBatchCommand command, NpgsqlCommand scratch, IProperty? token)
    {
        var keys = entry.Metadata.FindPrimaryKey()!.Properties.ToList();
        if (token is not null)
        {
            keys.Add(token);
        }

        return " WHERE " + string.Join(" AND ", keys.Select(k =>
            Quote(k.GetColumnName()) + " = " + Parameter(command, scratch, k, entry.Property(k.Name).OriginalValue)));
    }

    /// <summary>Adds a positional parameter typed and converted as EF Core would (enums as text, times in UTC) and returns its $n.</summary>
    private static string Parameter(NpgsqlBatchCommand command, NpgsqlCommand scratch, IProperty property, object? value)
    {
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        command.Parameters.Add((NpgsqlParameter)mapping.CreateParameter(scratch, "", value, property.IsNullable));
        return "$" + command.Parameters.Count;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Planned(NpgsqlBatchCommand Command, IReadOnlyList<EntityEntry> Entries, bool ReturnsRows, IProperty? Generated,
        string? Definition = null);
}
