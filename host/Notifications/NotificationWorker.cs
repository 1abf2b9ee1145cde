using Decoupling.Domain.Departments;
using Decoupling.Domain.Notifications;

namespace Decoupling.Host.Notifications;

/// <summary>Writes queued notices through the domain's NotificationService (dedup keys make a repeat harmless).</summary>
public sealed class NotificationWorker(NoticeQueue queue, IServiceScopeFactory scopes, ILogger<NotificationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notice in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var departmentId = notice.DepartmentCode is { } code
                    ? (await scope.ServiceProvider.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code, stoppingToken))?.Id
                    : null;
                if (notice.UserName is null && departmentId is null)
                {
                    continue;
                }

                await scope.ServiceProvider.GetRequiredService<NotificationService>()
                    .SendAsync(notice.DedupKey, notice.Title, notice.Body, notice.UserName, departmentId, notice.Link, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Notice {Key} was not stored", notice.DedupKey);
            }
        }
    }
}
