using System.Text.Json;
using System.Text.Json.Serialization;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Decoupling.Domain.Audit;

/// <summary>
/// Writes one chained audit row per added, modified or deleted entity in the same SaveChanges, so a change and its
/// audit row commit together. Chosen over explicit calls so no service can forget it. Audit rows themselves can only
/// be added. Secrets of Identity (password hash, security stamp) are never copied into the log.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    public static readonly AuditInterceptor Instance = new();

    // rows this interceptor made, so a failed SaveChanges can take them back before the caller retries
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AuditEntry, object> Generated = new();

    // the unit keys' private halves (encrypted, still not for the log) and Identity's tokens (the authenticator secret)
    private static readonly HashSet<string> Hidden = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "EncryptedPrivateKey"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PlatformDbContext db)
        {
            AuditChainLock.Acquire(db.Database);
            var last = db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefault();
            Append(db, last?.Sequence ?? 0, last?.Hash ?? "");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PlatformDbContext db)
        {
            await AuditChainLock.AcquireAsync(db.Database, cancellationToken);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            Append(db, last?.Sequence ?? 0, last?.Hash ?? "");
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Rollback(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Rollback(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// After a failed save (e.g. another writer took the next sequence number) the chain fields are stale: generated
    /// rows are dropped and queued events renumbered on the next attempt.
    /// </summary>
    private static void Rollback(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            if (Generated.TryGetValue(entry.Entity, out _))
            {
                entry.State = EntityState.Detached;
            }
            else
            {
                entry.Entity.Sequence = 0;
            }
        }
    }

    private static void Append(PlatformDbContext db, long lastSequence, string lastHash)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new DomainException(DomainErrorCodes.AuditAppendOnly);
        }

        var now = Clock.Now(db.Time);
        var actor = db.CurrentActor;
        var pending = new List<AuditEntry>();

        // events queued through AuditLog.Record come first, in the order they were added
        pending.AddRange(entries.Where(e => e is { Entity: AuditEntry, State: EntityState.Added })
            .Select(e => (AuditEntry)e.Entity).Where(a => a.Sequence == 0));

        foreach (var entry in entries.Where(e => e.Entity is not AuditEntry
                     && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var audit = Describe(entry);
            Generated.AddOrUpdate(audit, Generated);
            db.AuditEntries.Add(audit);
            pending.Add(audit);
        }

        foreach (var audit in pending)
        {
            audit.Sequence = ++lastSequence;
            audit.PreviousHash = lastHash;
            audit.At = now;
            audit.Actor = string.IsNullOrEmpty(audit.Actor) ? actor : audit.Actor;
            audit.Algorithm = AuditHasher.Sm3;
            audit.Hash = AuditHasher.Compute(audit);
            lastHash = audit.Hash;
        }
    }

    private static AuditEntry Describe(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        var id = key is null ? "" : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue,
            System.Globalization.CultureInfo.InvariantCulture)));
        var details = new Dictionary<string, object?>();
        var isToken = entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<string>;
        foreach (var property in entry.Properties.Where(p => !Hidden.Contains(p.Metadata.Name) && !(isToken && p.Metadata.Name == "Value")))
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    details[property.Metadata.Name] = property.CurrentValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    details[property.Metadata.Name] = new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    details[property.Metadata.Name] = property.OriginalValue;
                    break;
            }
        }

        return new AuditEntry
        {
            Action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Modified => "Updated",
                _ => "Deleted",
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = id,
            Details = JsonSerializer.Serialize(details, Json),
        };
    }
}
