using Decoupling.Activities.Checks;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Handlers;
using Decoupling.Activities.Infrastructure;
using Decoupling.Engine.Listeners;
using Decoupling.Engine.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Decoupling.Activities;

/// <summary>Registers the custom activities for the host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The handler types, one per topic.</summary>
    public static readonly Type[] HandlerTypes =
    [
        typeof(ChecklistLoadHandler), typeof(ChecklistAdvanceHandler), typeof(RoutingResolveHandler), typeof(IssueNumberHandler),
        typeof(GenerateDocumentHandler), typeof(ApplyRegistrationChangeHandler), typeof(RenewCertificateHandler), typeof(NotifyHandler),
        typeof(ReceiveMatterHandler), typeof(DeliverMatterHandler), typeof(CheckUnitDoneHandler), typeof(CheckDistrictDoneHandler),
        typeof(ComputeEvaluationHandler), typeof(AuditSampleHandler), typeof(ExportLedgerHandler),
        typeof(RegisterOutcomeHandler), typeof(ChecklistReturnHandler), typeof(VoidCertificateHandler), typeof(AuditRecordHandler),
        typeof(AuditCloseHandler), typeof(EvaluationRecordHandler),
    ];

    /// <summary>
    /// Every handler as <see cref="IServiceTaskHandler"/> (singletons: each run opens its own scope) and their
    /// <see cref="ActivityDescriptor"/>s. The host also registers PlatformDbContext, IFileStore and TimeProvider (domain/README.md).
    /// <code>services.AddDecouplingActivities(o => o.SeedFolder = seedFolder);</code>
    /// </summary>
    public static IServiceCollection AddDecouplingActivities(this IServiceCollection services, Action<ActivityOptions>? configure = null)
    {
        var options = new ActivityOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        foreach (var type in HandlerTypes)
        {
            services.AddSingleton(type);
            services.AddSingleton(sp => (IServiceTaskHandler)sp.GetRequiredService(type));
            services.AddSingleton(sp => ((ActivityHandler)sp.GetRequiredService(type)).Descriptor);
        }

        foreach (var check in CheckTypes)
        {
            services.AddSingleton(typeof(ITaskListener), check);
        }

        services.TryAddSingleton<IDueDateCalculator, WorkingDayDueDates>();
        return services;
    }

    /// <summary>The completion checks definitions may attach to user tasks, one per name.</summary>
    public static readonly Type[] CheckTypes =
    [
        typeof(ChecklistSelfCheckedCheck), typeof(ChecklistVerifiableCheck), typeof(ChecklistSealedCheck), typeof(EvidenceCompleteCheck),
    ];
}
