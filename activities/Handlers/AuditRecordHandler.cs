using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>audit.record: the auditor's spot check and fund audit of one association, and the rectification it orders (R22).</summary>
public sealed class AuditRecordHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("audit.record", "记录审计结果", "audit",
        "记录区审计局对协会商会资产清查的抽查和财政资金使用的审计情况；发现问题的，登记整改要求和期限，整改到位前计入评估。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("result", "审计结论", InputType.Dropdown, Required: true) { Choices = [new("clean", "未发现问题"), new("finding", "发现问题")] },
            new("assetFindings", "资产清查抽查情况", InputType.Text),
            new("fundFindings", "财政资金使用审计情况", InputType.Text),
            new("opinion", "审计意见", InputType.Text),
            new("rectifyBy", "整改期限") { Pattern = @"^\d{4}-\d{2}-\d{2}$", PatternMessage = "日期为 yyyy-MM-dd" },
        ],
        Outputs = [new("findingId", "审计记录 ID")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        DateOnly? rectifyBy = run.Text("rectifyBy") is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var finding = await run.Scope.AuditFindings.RecordAsync(run.RequiredGuid("associationId"), run.RequiredText("result") == "clean",
            run.Text("assetFindings"), run.Text("fundFindings"), run.Text("opinion"), rectifyBy,
            run.Context.Variables["auditor"]?.ToString() ?? SourceOf(run.Context), cancellationToken);
        return new JsonObject { ["findingId"] = finding.Id.ToString() };
    }
}
