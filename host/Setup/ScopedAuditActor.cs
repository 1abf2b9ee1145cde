using Decoupling.Domain.Audit;

namespace Decoupling.Host.Setup;

/// <summary>
/// Who the audit log names: set explicitly for work a page does in its own scope (a circuit has no HttpContext), else
/// the signed-in user of the request, else "system" (startup, jobs).
/// </summary>
public sealed class ScopedAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? Override { get; set; }

    public string Name => Override ?? http.HttpContext?.User.Identity?.Name ?? "system";
}
