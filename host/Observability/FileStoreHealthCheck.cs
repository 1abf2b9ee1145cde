using Decoupling.Host.Setup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Decoupling.Host.Observability;

/// <summary>Ready only when the file store (uploaded evidence, generated documents) accepts a write.</summary>
public sealed class FileStoreHealthCheck(PlatformSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(settings.FilesFolder, $".ready-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("文件存储可写");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("文件存储不可写：" + e.Message);
        }
    }
}
