using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// Reads an instance row and every row a step loads with it (executions, tasks, jobs, subscriptions, open incidents) in
/// one round trip on PostgreSQL: one <see cref="NpgsqlBatch"/> of six SELECTs, the instance first. Each SELECT sees the
/// latest committed data, exactly as six separate queries would (the revision check at commit catches anything that moved
/// in between). The rows are tracked by the session's context as EF Core's own queries would track them.
/// </summary>
internal static class PostgresRowReader
{
    private static readonly ConcurrentDictionary<(Type, IEntityType), Column[]> Layouts = new();

    /// <param name="instanceFilter">SQL giving the instance id from $1 (an instance id, or a task's instance).</param>
    public static async Task<(ProcessInstance? Instance, InstanceRows Rows)> ReadAsync(EngineDbContext context, string instanceFilter, Guid key,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, context.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
        Add(batch, $"""SELECT * FROM wf_instances WHERE "Id" = {instanceFilter}""", key);
        Add(batch, $"""SELECT * FROM wf_executions WHERE "InstanceId" = {instanceFilter}""", key);
        Add(batch, $"""SELECT * FROM wf_tasks WHERE "InstanceId" = {instanceFilter}""", key);
        Add(batch, $"""SELECT * FROM wf_jobs WHERE "InstanceId" = {instanceFilter}""", key);
        Add(batch, $"""SELECT * FROM wf_subscriptions WHERE "InstanceId" = {instanceFilter}""", key);
        Add(batch, $"""SELECT * FROM wf_incidents WHERE "InstanceId" = {instanceFilter} AND "ResolvedAt" IS NULL""", key);

        // looking a row up in the change tracker (Local) would first compare every tracked row with its snapshot, once per
        // row read; nothing the reader does changes a tracked row, so that is switched off while it reads
        var tracker = context.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return await ReadRowsAsync(context, batch, cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static async Task<(ProcessInstance? Instance, InstanceRows Rows)> ReadRowsAsync(EngineDbContext context, NpgsqlBatch batch,
        CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var instance = (await ReadAllAsync<ProcessInstance>(context, reader, cancellationToken)).FirstOrDefault();
        await reader.NextResultAsync(cancellationToken);
        var executions = await ReadAllAsync<Execution>(context, reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var tasks = await ReadAllAsync<HumanTask>(context, reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var jobs = await ReadAllAsync<EngineJob>(context, reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var subscriptions = await ReadAllAsync<MessageSubscription>(context, reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var incidents = await ReadAllAsync<Incident>(context, reader, cancellationToken);
        return (instance, new InstanceRows(executions, tasks, jobs, subscriptions, incidents));
    }

    /// <summary>
    /// Runs a query of whole rows of <typeparamref name="T"/> (<c>SELECT *</c> or <c>t.*</c>, parameters $1, $2...) on the
    /// context's open connection and materialises them untracked, without EF Core's query pipeline.
    /// </summary>
    public static async Task<List<T>> QueryUntrackedAsync<T>(EngineDbContext context, string sql, IReadOnlyList<object> arguments,
        CancellationToken cancellationToken)
        where T : class, new()
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(sql, connection, context.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAllAsync<T>(context, reader, cancellationToken, track: false);
    }

    private static void Add(NpgsqlBatch batch, string sql, Guid key)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        batch.BatchCommands.Add(command);
    }

    /// <summary>
    /// Materialises the rows of the current result and (unless told not to) tracks them; an entity the context already
    /// tracks is kept as it is.
    /// </summary>
    private static async Task<List<T>> ReadAllAsync<T>(EngineDbContext context, DbDataReader reader, CancellationToken cancellationToken, bool track = true)
        where T : class, new()
    {
        var type = context.Model.FindEntityType(typeof(T))!;
        var layout = Layouts.GetOrAdd((context.GetType(), type), _ => Layout(type, reader));
        var key = type.FindPrimaryKey()!.Properties.Single();
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entity = new T();
            foreach (var column in layout)
            {
                var value = reader.IsDBNull(column.Ordinal) ? null
                    : column.IsTimestamp ? reader.GetFieldValue<DateTimeOffset>(column.Ordinal)
                    : reader.GetValue(column.Ordinal);
                column.Setter.SetValue(entity, column.Converter is null || value is null ? value : column.Converter.ConvertFromProvider(value));
            }

            if (!track)
            {
                rows.Add(entity);
                continue;
            }

            var tracked = context.Set<T>().Local.FindEntry((Guid)key.PropertyInfo!.GetValue(entity)!); // every table read here has a Guid key
            if (tracked is not null)
            {
                rows.Add(tracked.Entity);
                continue;
            }

            context.Entry(entity).State = EntityState.Unchanged; // as Attach, without walking a graph these entities do not have
            rows.Add(entity);
        }

        return rows;
    }

    private static Column[] Layout(IEntityType type, DbDataReader reader) =>
        [.. type.GetProperties().Select(p => new Column(
            reader.GetOrdinal(p.GetColumnName()),
            p.PropertyInfo ?? throw new InvalidOperationException($"{type.ClrType.Name}.{p.Name} has no CLR property"),
            ((RelationalTypeMapping)p.GetRelationalTypeMapping()).Converter,
            // Npgsql reads timestamptz as a UTC DateTime unless asked for a DateTimeOffset
            (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateTimeOffset)))];

    private sealed record Column(int Ordinal, PropertyInfo Setter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, bool IsTimestamp);
}
