using Decoupling.Application.Access;
using Decoupling.Application.Cases;
using Decoupling.Application.Checklists;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Application.Tasks;
using Decoupling.Domain.Audit;
using Decoupling.Engine.Access;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application;

/// <summary>Registers the application layer: the use cases the API, the pages and the jobs call, and what it plugs into the engine.</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ScopedAuditActor>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<ScopedAuditActor>());

        services.AddSingleton<ActorResolver>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<IActorDirectory, PlatformDirectory>();
        services.AddSingleton<IAccessPolicy, PlatformAccessPolicy>();

        services.AddSingleton<CaseStarter>();
        services.AddSingleton<StartableProcesses>();
        services.AddSingleton<CaseTermination>();
        services.AddSingleton<CaseNames>();
        services.AddSingleton<ProcessCatalog>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<ProgressQueries>();
        services.AddSingleton<Supervision.DashboardQueries>();
        services.AddSingleton<Procedure.ProcedureTriggers>();
        services.AddSingleton<Supervision.OverdueScan>();
        services.AddSingleton<TaskOperations>();
        services.AddSingleton<TaskPeople>();
        services.AddSingleton<ChecklistOperations>();
        services.AddSingleton<Documents.DocumentAccess>();
        services.AddSingleton<Documents.CaseDocuments>();
        services.AddSingleton<Register.RegisterQueries>();
        services.AddSingleton<Register.RegisterScopeOperations>();
        services.AddSingleton<Register.RegisterEditing>();
        services.AddSingleton<Register.AssociationStatuses>();
        services.AddSingleton<Matters.MatterQueries>();
        services.AddSingleton<Risks.CaseRiskRegister>();
        services.AddSingleton<Publications.PublicationBoard>();
        services.AddSingleton<Notifications.NoticeInbox>();
        return services;
    }

    /// <summary>The platform publishes no user task without a form: people would otherwise write any variable there.</summary>
    public static void RequireForms(EngineOptions options) => options.Parsing = new ParseOptions { RequireUserTaskForms = true };
}
