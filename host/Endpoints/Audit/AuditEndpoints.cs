using Decoupling.Domain.Audit;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Audit;

/// <summary>The hash-chained audit log: a page of rows and a verification of the chain; administrators and the leading group.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").RequireAuthorization(Policies.Designers).WithTags("审计日志");
        audit.MapGet("/", async (AuditLog log, long? after, int? take) => await log.PageAsync(after ?? 0, Math.Clamp(take ?? 100, 1, 1000)));
        audit.MapGet("/verify", async (AuditLog log) => await log.VerifyChainAsync());
        return endpoints;
    }
}
