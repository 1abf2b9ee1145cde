using Decoupling.Engine.Services;
using Hangfire;
using Hangfire.PostgreSql;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Hangfire in the host: PostgreSQL storage when the platform runs on PostgreSQL (several hosts share its queue and
/// recurring-job locks), in-memory storage on the embedded default (whose losses <see cref="PendingJobsRecovery"/> covers).
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration,
        string? postgresConnectionString)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new Observability.HangfireTelemetryFilter());
            if (postgresConnectionString is null)
            {
                hangfire.UseInMemoryStorage();
            }
            else
            {
                hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(postgresConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,

                        // an engine step that continues asynchronously waited up to 15 s (the default poll) for a worker
                        // to notice it; LISTEN/NOTIFY wakes one at once, the poll is the fallback
                        EnableLongPolling = true,
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                    });
            }
        });
        if (configuration.GetValue("Jobs:Server", true))
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped<EngineJobRunner>();
        services.AddScoped<OverdueScanJob>();
        services.AddScoped<ActivityJobRunner>();
        services.AddScoped<WeeklyLedgerJob>();
        services.AddScoped<AuditSamplingJob>();
        services.AddSingleton<IJobRunLog, JobRunLog>();
        services.AddHostedService<PendingJobsRecovery>();
        return services;
    }

    /// <summary>The dashboard at /hangfire (system administrator and LeadingGroup) and the recurring jobs from configuration.</summary>
    public static WebApplication UsePlatformJobs(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAuthorization()],
            DashboardTitle = "后台任务",
            AppPath = "/",
        });
        var options = app.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var zone = new RecurringJobOptions { TimeZone = options.Zone() };
        recurring.AddOrUpdate<EngineJobRunner>("engine-sweep", r => r.SweepAsync(), options.EngineSweep, zone);
        recurring.AddOrUpdate<OverdueScanJob>(OverdueScanJob.Name, j => j.RunAsync(), options.OverdueScan, zone);
        recurring.AddOrUpdate<WeeklyLedgerJob>(WeeklyLedgerJob.Name, j => j.RunAsync(), options.WeeklyLedger, zone);
        recurring.AddOrUpdate<AuditSamplingJob>(AuditSamplingJob.Name, j => j.RunAsync(), options.AuditSampling, zone);
        return app;
    }
}
