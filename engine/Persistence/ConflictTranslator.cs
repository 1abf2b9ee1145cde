using System.Text.RegularExpressions;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Persistence.Resources;
using Decoupling.Engine.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// Turns the provider errors that mean "another step got there first" into <see cref="EngineConflictException"/>:
/// a concurrency token that no longer matches (or a row already deleted), and a unique key already taken
/// (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY), and PostgreSQL choosing this step as the victim of
/// a deadlock or serialization failure (40P01, 40001) with another step. Anything else is left as it is (a SQLite writer
/// that waited out its busy timeout gets SQLITE_BUSY: the database was busy, nobody changed the data).
/// </summary>
internal static partial class ConflictTranslator
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static EngineConflictException? Translate(Exception exception, DbContext context)
    {
        // Npgsql's execution strategy wraps a transient failure (deadlock, serialization) in an InvalidOperationException.
        if (exception is InvalidOperationException { InnerException: DbUpdateException wrapped })
        {
            exception = wrapped;
        }

        if (exception is DbUpdateConcurrencyException concurrency)
        {
            var entry = concurrency.Entries.FirstOrDefault();
            var type = entry?.Metadata.ClrType;
            var key = entry is null
                ? ""
                : string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).OriginalValue));
            return new EngineConflictException(
                PersistenceText.Get("STORE_CONFLICT_CHANGED", type is null ? "" : PersistenceText.Entity(type), key),
                exception);
        }

        if (exception is DbUpdateException update && UniqueViolation(update.InnerException) is { } table)
        {
            if (table == "wf_definitions" && AddedDefinitions(context) is [var definition])
            {
                return new EngineConflictException(
                    PersistenceText.Get("STORE_CONFLICT_DEFINITION_VERSION", definition.Key, definition.Version),
                    exception);
            }

            var entityType = context.Model.GetEntityTypes().FirstOrDefault(t => t.GetTableName() == table);
            var name = entityType is null ? table : PersistenceText.Entity(entityType.ClrType);
            return new EngineConflictException(
                PersistenceText.Get("STORE_CONFLICT_DUPLICATE", name, update.InnerException!.Message),
                exception);
        }

        if (exception is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } })
        {
            return new EngineConflictException(PersistenceText.Get("STORE_CONFLICT_DEADLOCK"), exception);
        }

        return null;
    }

    /// <summary>The table whose unique key was violated, or null when the error is something else.</summary>
    private static string? UniqueViolation(Exception? inner) => inner switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.TableName ?? "",
        SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } sqlite =>
            SqliteTable().Match(sqlite.Message) is { Success: true } match ? match.Groups[1].Value : "",
        _ => null,
    };

    private static List<DefinitionRecord> AddedDefinitions(DbContext context) =>
        context.ChangeTracker.Entries<DefinitionRecord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();

    /// <summary>SQLite says "UNIQUE constraint failed: wf_definitions.Key, wf_definitions.Version".</summary>
    [GeneratedRegex(@"constraint failed: (\w+)\.")]
    private static partial Regex SqliteTable();
}
