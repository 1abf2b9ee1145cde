using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Decoupling.Host.Observability;

/// <summary>Ready only when Hangfire's storage (PostgreSQL schema "hangfire", or memory) can be read.</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Task.Run(() =>
        {
            using var connection = storage.GetConnection();
            return connection.GetAllItemsFromSet("recurring-jobs").Count;
        }, cancellationToken);
        try
        {
            var finished = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            return finished == probe
                ? HealthCheckResult.Healthy($"后台任务存储可用（{await probe} 个周期任务）")
                : HealthCheckResult.Unhealthy("后台任务存储无响应");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("后台任务存储不可用：" + e.GetType().Name);
        }
    }
}
