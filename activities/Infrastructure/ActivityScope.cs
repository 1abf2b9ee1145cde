using System.Data.Common;
using Decoupling.Domain.Certificates;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Matters;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Numbering;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Decoupling.Activities.Infrastructure;

/// <summary>
/// The data a handler works on for one run: a <see cref="PlatformDbContext"/> and the domain services over it.
/// When the engine hands over its open transaction (<c>ServiceTaskContext.Transaction</c>, a <see cref="DbTransaction"/>
/// of the same database) the context joins it, so the handler's writes commit or roll back with the engine step — a
/// document number is never issued for a step that did not happen. Otherwise the context comes from a DI scope.
/// </summary>
public sealed class ActivityScope : IAsyncDisposable
{
    private readonly IServiceScope scope;
    private readonly bool ownsContext;

    private ActivityScope(IServiceScope scope, PlatformDbContext db, DbTransaction? enlisted, bool ownsContext)
    {
        this.scope = scope;
        Db = db;
        Enlisted = enlisted;
        this.ownsContext = ownsContext;
        Time = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    public PlatformDbContext Db { get; }

    /// <summary>The engine's transaction this scope joined, or null when the handler runs its own.</summary>
    public DbTransaction? Enlisted { get; }

    public TimeProvider Time { get; }

    public IServiceProvider Services => scope.ServiceProvider;

    public static ActivityScope Open(IServiceScopeFactory factory, object? engineTransaction, string actor)
    {
        var scope = factory.CreateScope();
        var time = scope.ServiceProvider.GetService<TimeProvider>();
        PlatformDbContext? db = null;
        if (engineTransaction is DbTransaction { Connection: { } connection } transaction)
        {
            db = connection switch
            {
                NpgsqlConnection => new PostgresPlatformDbContext(
                    new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql(connection).Options, null, time),
                SqliteConnection => new SqlitePlatformDbContext(
                    new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite(connection).Options, null, time),
                _ => null,
            };
            if (db is not null)
            {
                db.Database.UseTransaction(transaction);
                db.ActorOverride = actor;
                return new ActivityScope(scope, db, transaction, ownsContext: true);
            }
        }

        db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ActorOverride = actor;
        return new ActivityScope(scope, db, null, ownsContext: false);
    }

    public RegisterService Register => new(Db, Time);

    public ChecklistService Checklists => new(Db, Time);

    public RoutingService Routing => new(Db);

    public DepartmentDirectory Departments => new(Db);

    public NotificationService Notifications => new(Db, Time);

    public MatterService Matters => new(Db, Time);

    public DocumentNumberService Numbers => new(Db, Time);

    public RelationshipService Relationships => new(Db);

    public Domain.Inspection.AuditFindingService AuditFindings => new(Db, Time);

    public CertificateService Certificates => new(Db, Register, Numbers, Time);

    public DocumentService Documents => new(Db, Services.GetRequiredService<IFileStore>(),
        Services.GetService<DocumentOptions>() ?? new DocumentOptions(), Time);

    public async ValueTask DisposeAsync()
    {
        if (ownsContext)
        {
            await Db.DisposeAsync();
        }

        scope.Dispose();
    }
}
