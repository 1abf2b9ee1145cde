using Decoupling.Domain.Audit;
using Decoupling.Domain.Calendar;
using Decoupling.Domain.Certificates;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Idempotency;
using Decoupling.Domain.Jobs;
using Decoupling.Domain.Matters;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Numbering;
using Decoupling.Domain.Register;
using Decoupling.Domain.Routing;
using Decoupling.Domain.Sampling;
using Decoupling.Domain.Seals;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Persistence;

/// <summary>
/// The platform's data (Identity plus the domain). Provider specifics and migrations live in
/// <see cref="SqlitePlatformDbContext"/> and <see cref="PostgresPlatformDbContext"/>; services depend on this base.
/// Table names carry no wf_ prefix, which belongs to the engine.
/// </summary>
public abstract class PlatformDbContext : IdentityDbContext<PlatformUser>
{
    private readonly IAuditActor? _actor;

    protected PlatformDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? time)
        : base(options)
    {
        _actor = actor;
        Time = time ?? TimeProvider.System;
    }

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Association> Associations => Set<Association>();

    public DbSet<AssociationChange> AssociationChanges => Set<AssociationChange>();

    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();

    public DbSet<ChecklistTemplateItem> ChecklistTemplateItems => Set<ChecklistTemplateItem>();

    public DbSet<Checklist> Checklists => Set<Checklist>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<SealConfirmation> SealConfirmations => Set<SealConfirmation>();

    public DbSet<Matter> Matters => Set<Matter>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<DocumentNumberCounter> DocumentNumberCounters => Set<DocumentNumberCounter>();

    public DbSet<IssuedDocumentNumber> IssuedDocumentNumbers => Set<IssuedDocumentNumber>();

    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<AuditSampleEntry> AuditSamples => Set<AuditSampleEntry>();

    public DbSet<ActivityResult> ActivityResults => Set<ActivityResult>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<Inspection.AuditFinding> AuditFindings => Set<Inspection.AuditFinding>();

    public DbSet<Evaluation.EvaluationRecord> EvaluationRecords => Set<Evaluation.EvaluationRecord>();

    public DbSet<Risks.CaseRisk> CaseRisks => Set<Risks.CaseRisk>();

    public DbSet<Publications.Publication> Publications => Set<Publications.Publication>();

    public DbSet<Publications.PublicationRecipient> PublicationRecipients => Set<Publications.PublicationRecipient>();

    public DbSet<Supervision.SupervisionItem> SupervisionItems => Set<Supervision.SupervisionItem>();

    public DbSet<AssociationRelationship> AssociationRelationships => Set<AssociationRelationship>();

    public DbSet<UnitKey> UnitKeys => Set<UnitKey>();

    public DbSet<SecurityPolicy> SecurityPolicies => Set<SecurityPolicy>();

    /// <summary>Written and claimed with plain SQL on the engine's transaction (OutboxWriter, OutboxStore), not audited.</summary>
    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    public TimeProvider Time { get; }

    /// <summary>Who the audit rows of the next SaveChanges name; overrides the injected <see cref="IAuditActor"/>.</summary>
    public string? ActorOverride { get; set; }

    public string CurrentActor => ActorOverride ?? _actor?.Name ?? "system";

    /// <summary>
    /// Saves in a transaction of its own, so the audit interceptor reads the chain's last row and appends after it under
    /// the write lock: PostgreSQL's advisory lock (taken by the interceptor), SQLite's immediate transaction (writers queue
    /// on the database's busy timeout instead of racing for the next sequence number). Should another writer still take
    /// the number first, the interceptor has taken its rows back and the save runs again. Inside an outer transaction
    /// the lock and any retry belong to its owner.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return saved;
            }
            catch (DbUpdateException race) when (attempt < 6 && IsAuditSequenceRace(race))
            {
                await Task.Delay(Random.Shared.Next(5, 30) * attempt, cancellationToken);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is null)
        {
            using var transaction = Database.BeginTransaction();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            transaction.Commit();
            return saved;
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private static bool IsAuditSequenceRace(DbUpdateException exception) =>
        exception.InnerException?.Message is { } message
        && message.Contains("AuditLog", StringComparison.Ordinal)
        && (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate", StringComparison.OrdinalIgnoreCase));

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.AddInterceptors(AuditInterceptor.Instance);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // enums as their names: readable in SQL and stable when members are reordered
        configurationBuilder.Properties<DepartmentKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RegistrationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DecouplingOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SeparationCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ChecklistItemStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DocumentType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MatterCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MatterState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CalendarDayKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<JobRunOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Publications.PublicationKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
    }
}
