using Decoupling.Engine.Runtime;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Decoupling.Host.Observability;

/// <summary>
/// Metrics and traces through OpenTelemetry (ASP.NET Core, HttpClient, EF Core, Npgsql, runtime, Hangfire jobs, one
/// span per engine step), a Prometheus scrape endpoint at /metrics for the system administrator, log lines carrying
/// the trace and span ids, and health: /healthz/live (the process answers) and /healthz/ready (database, Hangfire
/// storage, file store). Traces go to an OTLP collector when <c>OpenTelemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsReaders = "MetricsReaders";

    public static WebApplicationBuilder AddPlatformObservability(this WebApplicationBuilder builder)
    {
        // every log line written inside a request or a job names its trace: grep a trace id across nodes
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("decoupling-platform", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(EngineTelemetry.Name, PlatformTelemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing =>
            {
                tracing.AddSource(EngineTelemetry.Name, PlatformTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrEmpty(otlp))
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });

        builder.Services.AddSingleton<GaugeSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GaugeSampler>());
        builder.Services.AddSingleton<IAuthorizationHandler, MetricsScrapeHandler>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsReaders, p => p.AddRequirements(new MetricsScrapeRequirement()));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: ["ready"])
            .AddCheck<FileStoreHealthCheck>("files", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapPlatformObservability(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsReaders);
        return app;
    }

    /// <summary>A short JSON answer naming each check (no exception text: the endpoint is anonymous).</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
