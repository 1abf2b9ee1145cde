using Decoupling.Domain.Calendar;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Matters;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Routing;
using Decoupling.Domain.Seals;
using Decoupling.Domain.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Domain;

/// <summary>Registers the platform's data (one context for the configured provider) and the domain's services over it.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// <code>services.AddDomain(usePostgres, connectionString, filesFolder);</code>
    /// The caller registers <see cref="IAuditActor"/> (who the audit log names) and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, bool usePostgres, string connectionString, string filesFolder)
    {
        if (usePostgres)
        {
            services.AddDbContext<PlatformDbContext, PostgresPlatformDbContext>(o => PlatformDatabase.UsePostgres(o, connectionString));
        }
        else
        {
            services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => PlatformDatabase.UseSqlite(o, connectionString));
        }

        services.AddSingleton<IFileStore>(new LocalFileStore(filesFolder));
        services.AddSingleton(new DocumentOptions());
        services.AddScoped<DepartmentDirectory>();
        services.AddScoped<RegisterService>();
        services.AddScoped<RegisterImporter>();
        services.AddScoped<RegisterExporter>();
        services.AddScoped<ChecklistService>();
        services.AddScoped<RoutingService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<SealService>();
        services.AddScoped<UnitKeyService>();
        services.AddScoped<MatterService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<RelationshipService>();
        services.AddScoped<Inspection.AuditFindingService>();
        return services;
    }
}
