using Decoupling.Domain.Audit;
using Microsoft.AspNetCore.Http;

namespace Decoupling.Application.Infrastructure;

/// <summary>
/// Who the audit log names: set explicitly for work done in a scope of its own (a page's circuit has no HttpContext, a
/// use case opens a scope per call), else the signed-in user of the request, else "system" (startup, jobs).
/// </summary>
public sealed class ScopedAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? Override { get; set; }

    public string Name => Override ?? http.HttpContext?.User.Identity?.Name ?? "system";
}
