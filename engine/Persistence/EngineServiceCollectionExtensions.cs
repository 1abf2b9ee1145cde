using Decoupling.Engine.Access;
using Decoupling.Engine.Listeners;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Engine.Persistence;

/// <summary>Registers the workflow engine on its EF Core store, with whatever the platform registered to extend it.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="WorkflowEngine"/> for the process: its store (SQLite or PostgreSQL), options (bind them from
    /// configuration in <paramref name="configure"/>), and from the container the service-task handlers, listeners, job
    /// scheduler, clock, access policy, people directory, completion checks and due-date calculator, when registered.
    /// <code>services.AddWorkflowEngine(usePostgres, connectionString, o => configuration.GetSection("Engine").Bind(o));</code>
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, bool usePostgres, string connectionString,
        Action<EngineOptions>? configure = null)
    {
        services.AddSingleton(_ => usePostgres ? EfEngineStore.ForPostgres(connectionString) : EfEngineStore.ForSqlite(connectionString));
        services.AddSingleton(sp =>
        {
            var options = new EngineOptions();
            configure?.Invoke(options);
            return options;
        });
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<EfEngineStore>(),
            new HandlerDispatcher(sp.GetServices<IServiceTaskHandler>()),
            clock: sp.GetService<IClock>(),
            options: sp.GetRequiredService<EngineOptions>(),
            scheduler: sp.GetService<IJobScheduler>(),
            listeners: sp.GetServices<IEngineListener>(),
            extensions: new EngineExtensions
            {
                AccessPolicy = sp.GetService<IAccessPolicy>() ?? DefaultAccessPolicy.Instance,
                Directory = sp.GetService<IActorDirectory>(),
                TaskListeners = [.. sp.GetServices<ITaskListener>()],
                DueDates = sp.GetService<IDueDateCalculator>(),
            }));
        return services;
    }
}
