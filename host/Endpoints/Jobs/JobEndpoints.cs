using Decoupling.Domain.Persistence;
using Decoupling.Host.Jobs;
using Decoupling.Host.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Endpoints.Jobs;

/// <summary>
/// Background jobs: their recent runs with progress for the leading group and administrators (who also see /hangfire),
/// and running a recurring job now, for administrators only.
/// </summary>
public static class JobEndpoints
{
    /// <summary>The recurring jobs an administrator may start by hand; the engine sweep runs every minute anyway.</summary>
    public static readonly IReadOnlyList<string> Triggerable = [WeeklyLedgerJob.Name, OverdueScanJob.Name, AuditSamplingJob.Name];

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/api/jobs").RequireAuthorization(Policies.JobWatchers).WithTags("后台任务");
        jobs.MapGet("/runs", async (PlatformDbContext db, string? job, int? take) =>
        {
            var query = db.JobRuns.AsNoTracking();
            if (!string.IsNullOrEmpty(job))
            {
                query = query.Where(r => r.JobName == job);
            }

            return await query.OrderByDescending(r => r.StartedAt).Take(Math.Clamp(take ?? 50, 1, 200)).ToListAsync();
        });
        jobs.MapPost("/{name}/trigger", (string name, IRecurringJobManager recurring) =>
        {
            if (!Triggerable.Contains(name))
            {
                return Results.NotFound();
            }

            // Trigger enqueues the recurring job as Hangfire would at its time; the job's period key keeps it once per period
            recurring.Trigger(name);
            return Results.Accepted();
        }).RequireAuthorization(Policies.SystemAdministrators);
        return endpoints;
    }
}
