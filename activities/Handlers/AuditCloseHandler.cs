using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>audit.close: the auditor confirms the rectification (整改销号); the finding no longer counts against the evaluation.</summary>
public sealed class AuditCloseHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("audit.close", "整改销号", "audit",
        "审计发现的问题整改到位后销号，记录整改情况。")
    {
        Inputs =
        [
            new("findingId", "审计记录 ID", Required: true) { DefaultValue = "${findingId}" },
            new("report", "整改情况", InputType.Text),
        ],
        Outputs = [new("closedAt", "销号时间")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var finding = await run.Scope.AuditFindings.CloseAsync(run.RequiredGuid("findingId"), run.Text("report"), cancellationToken);
        return new JsonObject { ["closedAt"] = finding.ClosedAt?.ToString("o") };
    }
}
