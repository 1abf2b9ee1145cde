using Decoupling.Domain.Outbox;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Observability;

/// <summary>
/// Reads the gauges from the database every 15 seconds (a scrape must not run five counts; several nodes report the
/// same district-wide figures). <see cref="SampleAsync"/> is also called once before the first scrape answers.
/// </summary>
public sealed class GaugeSampler(EfEngineStore engineStore, IServiceScopeFactory scopes, TimeProvider time, ILogger<GaugeSampler> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // the database may be down: readiness says so; the gauges keep their last reading
                log.LogDebug(e, "Gauge sampling failed");
            }

            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var engine = engineStore.CreateContext();
        var open = await engine.Tasks.CountAsync(t => t.State == HumanTaskState.Open, cancellationToken);
        var overdue = await engine.Tasks.CountAsync(t => t.State == HumanTaskState.Open && t.DueAt != null && t.DueAt < now, cancellationToken);
        var incidents = await engine.Incidents.CountAsync(i => i.ResolvedAt == null, cancellationToken);
        var oldestDue = await engine.Jobs.Where(j => !j.HasIncident && j.DueAt <= now).OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<OutboxStore>().PendingCountAsync(cancellationToken);
        PlatformTelemetry.Latest = new GaugeSnapshot(open, overdue, incidents, oldestDue is { } due ? Math.Max(0, (now - due).TotalSeconds) : 0, pending, now);
    }
}
