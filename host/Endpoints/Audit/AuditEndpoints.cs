using Decoupling.Domain.Audit;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Audit;

/// <summary>
/// The hash-chained audit trail: a page of rows, a verification of the chain, an export; the audit administrator
/// only (三员分立: the other administrators, whose actions it records, cannot read or touch it). Reading and exporting
/// are themselves recorded.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").RequireAuthorization(Policies.AuditAdministrators).WithTags("审计日志");
        audit.MapGet("/", async (AuditLog log, long? after, int? take) => await log.PageAsync(after ?? 0, Math.Clamp(take ?? 100, 1, 1000)));
        audit.MapGet("/verify", async (AuditLog log) => await log.VerifyChainAsync());
        audit.MapGet("/export", async (AuditLog log, HttpContext http) =>
        {
            var file = new MemoryStream();
            var report = await log.ExportAsync(file);
            file.Position = 0;
            return Results.File(file, "text/csv; charset=utf-8", $"审计日志-至{report.LastSequence}.csv");
        });
        return endpoints;
    }
}
