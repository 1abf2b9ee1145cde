using System.Data.Common;
using Npgsql;

namespace Decoupling.Domain.Outbox;

/// <summary>
/// Plain SQL over the outbox table for both providers, written the way EF Core stores the columns: PostgreSQL uuid and
/// timestamptz; SQLite upper-case text ids and UTC ticks (UtcTicksConverter). Plain SQL because the outbox is written
/// on the engine's own transaction in every step (no DbContext, no audit row per notice) and claimed in one statement.
/// </summary>
internal static class OutboxSql
{
    public static bool IsPostgres(DbConnection connection) => connection is NpgsqlConnection;

    public static object Id(DbConnection connection, Guid id) => IsPostgres(connection) ? id : id.ToString().ToUpperInvariant();

    public static object Time(DbConnection connection, DateTimeOffset value) =>
        IsPostgres(connection) ? value.ToUniversalTime() : value.UtcTicks;

    public static Guid ReadId(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
