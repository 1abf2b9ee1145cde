using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// The engine's tables (prefixed <c>wf_</c>), shared by both providers. Provider specifics (how DateTimeOffset is stored,
/// column types) live in <see cref="SqliteEngineDbContext"/> and <see cref="PostgresEngineDbContext"/>, each with its own
/// migrations. Enums are stored as strings. The migrations history table is <c>wf_migrations</c> so the engine's tables can
/// share a database with the host's own DbContext.
/// </summary>
public abstract class EngineDbContext : DbContext
{
    public const string MigrationsHistoryTable = "wf_migrations";

    // Lengths: identifiers written by people or by the BPMN modeler get room to spare; free text is unbounded.
    internal const int KeyLength = 200;
    internal const int ElementIdLength = 200;
    internal const int UserLength = 200;
    internal const int NameLength = 500;
    internal const int EnumLength = 32;

    /// <summary>Candidate lists (",a,b,") are queried with Contains; the group list is also indexed, so it is bounded.</summary>
    internal const int CandidateGroupsLength = 1000;

    protected EngineDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<ProcessInstance> Instances => Set<ProcessInstance>();
    public DbSet<Execution> Executions => Set<Execution>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<EngineJob> Jobs => Set<EngineJob>();
    public DbSet<MessageSubscription> Subscriptions => Set<MessageSubscription>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<TaskCopy> Copies => Set<TaskCopy>();
    public DbSet<TaskCandidate> Candidates => Set<TaskCandidate>();
    public DbSet<InboxCount> InboxCounts => Set<InboxCount>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<InstanceState>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<ExecutionState>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<ExecutionRole>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<HumanTaskState>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<DelegationState>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<SignerPosition>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<JobKind>().HaveConversion<string>().HaveMaxLength(EnumLength);
        configurationBuilder.Properties<SubscriptionKind>().HaveConversion<string>().HaveMaxLength(EnumLength);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionRecord>(ConfigureDefinition);
        modelBuilder.Entity<ProcessInstance>(ConfigureInstance);
        modelBuilder.Entity<Execution>(ConfigureExecution);
        modelBuilder.Entity<HumanTask>(ConfigureTask);
        modelBuilder.Entity<EngineJob>(ConfigureJob);
        modelBuilder.Entity<MessageSubscription>(ConfigureSubscription);
        modelBuilder.Entity<JournalEntry>(ConfigureJournal);
        modelBuilder.Entity<Incident>(ConfigureIncident);
        modelBuilder.Entity<TaskCopy>(ConfigureCopy);
        modelBuilder.Entity<TaskCandidate>(ConfigureCandidate);
        modelBuilder.Entity<InboxCount>(e =>
        {
            e.ToTable("wf_inbox_counts");
            e.HasKey(x => new { x.Candidate, x.Slot });
            e.Property(x => x.Candidate).HasMaxLength(UserLength + 2);
        });
    }

    private static void ConfigureDefinition(EntityTypeBuilder<DefinitionRecord> e)
    {
        e.ToTable("wf_definitions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Key).HasMaxLength(KeyLength);
        e.Property(x => x.Name).HasMaxLength(NameLength);
        e.Property(x => x.ResourceName).HasMaxLength(NameLength);
        e.Property(x => x.Xml);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.DeployedBy).HasMaxLength(UserLength);
        e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        e.HasIndex(x => new { x.Key, x.Sha256 }).IsUnique();
    }

    private static void ConfigureInstance(EntityTypeBuilder<ProcessInstance> e)
    {
        e.ToTable("wf_instances");
        e.HasKey(x => x.Id);
        e.Property(x => x.DefinitionKey).HasMaxLength(KeyLength);
        e.Property(x => x.BusinessKey).HasMaxLength(KeyLength);
        e.Property(x => x.VariablesJson);
        e.Property(x => x.StartedBy).HasMaxLength(UserLength);
        e.Property(x => x.EndReason);

        // The engine increments Revision itself on every step: no database-generated row version, so both providers agree.
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => x.BusinessKey);
        e.HasIndex(x => new { x.DefinitionKey, x.State });
        e.HasIndex(x => x.ParentInstanceId);
    }

    private static void ConfigureExecution(EntityTypeBuilder<Execution> e)
    {
        e.ToTable("wf_executions");
        e.HasKey(x => x.Id);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.ArrivedVia).HasMaxLength(ElementIdLength);
        e.Property(x => x.LocalVariablesJson);
        e.HasIndex(x => x.InstanceId);
    }

    private static void ConfigureTask(EntityTypeBuilder<HumanTask> e)
    {
        e.ToTable("wf_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.Name).HasMaxLength(NameLength);
        e.Property(x => x.DefinitionKey).HasMaxLength(KeyLength);
        e.Property(x => x.BusinessKey).HasMaxLength(KeyLength);
        e.Property(x => x.Assignee).HasMaxLength(UserLength);
        e.Property(x => x.Owner).HasMaxLength(UserLength);
        e.Property(x => x.CandidateUsers);
        e.Property(x => x.CandidateGroups).HasMaxLength(CandidateGroupsLength);
        e.Property(x => x.FormKey).HasMaxLength(NameLength);
        e.Property(x => x.AddedBy).HasMaxLength(UserLength);
        e.Property(x => x.Outcome).HasMaxLength(KeyLength);
        e.Property(x => x.Comment);
        e.Property(x => x.CompletedBy).HasMaxLength(UserLength);
        e.Property(x => x.CompletedOnBehalfOf).HasMaxLength(UserLength);
        e.Property(x => x.VariablesJson);
        e.HasIndex(x => new { x.State, x.Assignee });
        e.HasIndex(x => new { x.State, x.CandidateGroups });
        e.HasIndex(x => x.InstanceId);
        e.HasIndex(x => x.CompletedBy);
        e.HasIndex(x => x.DueAt);
    }

    private static void ConfigureJob(EntityTypeBuilder<EngineJob> e)
    {
        e.ToTable("wf_jobs");
        e.HasKey(x => x.Id);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.LastError);
        e.Property(x => x.RepeatInterval).HasMaxLength(KeyLength);

        // Incremented by EfEngineSession on every update of a job, so two workers firing the same job cannot both commit.
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => x.InstanceId);

        // The due-job scan: (DueAt) over the jobs without an incident; the filter is SQL, so each provider adds the index.
    }

    private static void ConfigureSubscription(EntityTypeBuilder<MessageSubscription> e)
    {
        e.ToTable("wf_subscriptions");
        e.HasKey(x => x.Id);
        e.Property(x => x.MessageName).HasMaxLength(KeyLength);
        e.Property(x => x.BusinessKey).HasMaxLength(KeyLength);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.DataJson);
        e.HasIndex(x => new { x.MessageName, x.BusinessKey });

        // every step asks whether its instance waits for a message
        e.HasIndex(x => x.InstanceId);
    }

    private static void ConfigureJournal(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("wf_journal");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.ElementName).HasMaxLength(NameLength);
        e.Property(x => x.Actor).HasMaxLength(UserLength);
        e.Property(x => x.Comment);
        e.Property(x => x.DataJson);
        e.HasIndex(x => new { x.InstanceId, x.Step, x.Sequence });
        e.HasIndex(x => x.RootInstanceId);
    }

    private static void ConfigureIncident(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("wf_incidents");
        e.HasKey(x => x.Id);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.Code).HasMaxLength(100);
        e.Property(x => x.Message);
        e.Property(x => x.ResolvedBy).HasMaxLength(UserLength);
        e.HasIndex(x => x.InstanceId);
    }

    /// <summary>
    /// The inbox index. A page is a range scan per candidate in inbox order (Urgency, CreatedAt) over the visible rows;
    /// the count reads (Candidate, Shared) without touching the table.
    /// </summary>
    private static void ConfigureCandidate(EntityTypeBuilder<TaskCandidate> e)
    {
        e.ToTable("wf_task_candidates");
        e.HasKey(x => new { x.TaskId, x.Candidate });
        e.Property(x => x.Candidate).HasMaxLength(UserLength + 2);
        e.HasIndex(x => new { x.Candidate, x.Urgency, x.CreatedAt, x.TaskId }).HasDatabaseName("IX_wf_task_candidates_inbox").HasFilter("\"Visible\"");
        e.HasIndex(x => new { x.Candidate, x.Shared, x.TaskId }).HasDatabaseName("IX_wf_task_candidates_count").HasFilter("\"Visible\"");
    }

    private static void ConfigureCopy(EntityTypeBuilder<TaskCopy> e)
    {
        e.ToTable("wf_copies");
        e.HasKey(x => x.Id);
        e.Property(x => x.ElementId).HasMaxLength(ElementIdLength);
        e.Property(x => x.BusinessKey).HasMaxLength(KeyLength);
        e.Property(x => x.Recipient).HasMaxLength(UserLength);
        e.Property(x => x.FromUser).HasMaxLength(UserLength);
        e.Property(x => x.Comment);
        e.HasIndex(x => x.Recipient);
    }
}
