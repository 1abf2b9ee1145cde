using System.Text.Json;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Outbox;
using Decoupling.Host.Observability;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Notifications;

/// <summary>
/// Delivers the outbox on every node: claims due messages, hands each to its kind's delivery, marks it delivered or
/// failed (retried with back-off). Delivery is at least once; a notice's dedup key makes a repeat arrive once.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Something was queued on this node: look now rather than at the next poll.</summary>
    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await DeliverBatchAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Outbox delivery failed; retrying");
            }

            if (delivered == 0)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: claim, deliver, mark; returns how many were delivered.</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var claimed = await store.ClaimAsync(node, options.Value.BatchSize, options.Value.Lease, time.GetUtcNow(), cancellationToken);
        var delivered = 0;
        foreach (var message in claimed)
        {
            try
            {
                await using var work = scopes.CreateAsyncScope();
                await DeliverAsync(work.ServiceProvider, message, cancellationToken);
                await store.DeliveredAsync(message.Id, time.GetUtcNow(), cancellationToken);
                PlatformTelemetry.OutboxDelivered.Add(1, new KeyValuePair<string, object?>("kind", message.Kind));
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, message.Attempts)));
                log.LogWarning(e, "Outbox message {Key} failed (attempt {Attempt}); next try in {Backoff}", message.Key, message.Attempts, backoff);
                await store.FailedAsync(message.Id, e.Message, time.GetUtcNow() + backoff, CancellationToken.None);
            }
        }

        return delivered;
    }

    private static async Task DeliverAsync(IServiceProvider services, ClaimedMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxNotices.Kind:
                var notice = JsonSerializer.Deserialize<PendingNotice>(message.PayloadJson) ?? throw new InvalidOperationException("empty notice");
                if (notice.AssociationId is { } association)
                {
                    await services.GetRequiredService<NotificationService>()
                        .SendToAssociationAsync(notice.DedupKey, notice.Title, notice.Body, association, notice.Link, cancellationToken);
                    return;
                }

                var departmentId = notice.DepartmentCode is { } code
                    ? (await services.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code, cancellationToken))?.Id
                    : null;
                if (notice.UserName is null && departmentId is null)
                {
                    return; // a department that no longer exists: nobody to tell
                }

                await services.GetRequiredService<NotificationService>()
                    .SendAsync(notice.DedupKey, notice.Title, notice.Body, notice.UserName, departmentId, notice.Link, cancellationToken);
                return;
            default:
                throw new InvalidOperationException($"no delivery for outbox kind '{message.Kind}'");
        }
    }
}
