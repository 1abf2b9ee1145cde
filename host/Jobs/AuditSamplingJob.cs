using System.Globalization;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Every month: draws the audit sample (share and seed from configuration) through the audit.sample activity, which
/// never picks the same association twice, and opens an audit case for each one drawn; one draw per month however often it runs.
/// </summary>
public sealed class AuditSamplingJob(ActivityJobRunner activities, Decoupling.Application.Procedure.ProcedureTriggers triggers, IOptions<JobsOptions> options,
    Engine.Services.IClock clock, IJobRunLog runs)
{
    public const string Name = "audit-sampling";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync()
    {
        var month = TimeZoneInfo.ConvertTime(clock.Now, options.Value.Zone()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var runId = await runs.StartAsync(Name, month, "正在按比例抽取审计对象");
        try
        {
            // the picks and the month's idempotency key commit together inside the activity
            var result = await activities.RunAsync("audit.sample", month, new JsonObject
            {
                ["share"] = options.Value.AuditShare.ToString(CultureInfo.InvariantCulture),
                ["seed"] = options.Value.AuditSeed.ToString(CultureInfo.InvariantCulture),
                ["round"] = month,
            });
            var count = result?["auditSampleCount"]?.GetValue<int>() ?? 0;
            // each drawn association becomes an audit case in the auditor's inbox (a repeated run finds them open and starts none)
            var drawn = (result?["auditSample"] as JsonArray ?? []).Select(s => Guid.TryParse(s?["associationId"]?.GetValue<string>(), out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty).ToList();
            await triggers.StartAuditChecksAsync(drawn);
            await runs.SucceedAsync(runId, $"{month} 抽取审计对象 {count} 个，已交区审计局办理");
            return count;
        }
        catch (Exception failure)
        {
            await runs.FailAsync(runId, failure, CancellationToken.None);
            throw;
        }
    }
}
