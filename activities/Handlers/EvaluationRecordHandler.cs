using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Common;
using Decoupling.Domain.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>evaluation.record: the evaluator's findings are kept with the final report they were written into (R16).</summary>
public sealed class EvaluationRecordHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("evaluation.record", "记录评估意见", "evaluation",
        "保存评估方的评估意见、全区综合得分和最终评估报告，供领导小组和下一轮评估查阅。")
    {
        Inputs =
        [
            new("findings", "评估意见", InputType.Text, Required: true) { DefaultValue = "${findings}" },
            new("evaluator", "评估方", Required: true) { DefaultValue = "${evaluatorName}" },
            new("districtScore", "全区综合得分") { DefaultValue = "${districtScore}" },
            new("reportId", "最终报告文件 ID") { DefaultValue = "${finalReportId}" },
        ],
        Outputs = [new("evaluationRecordId", "评估记录 ID")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var record = new EvaluationRecord
        {
            Findings = run.RequiredText("findings"),
            Evaluator = run.RequiredText("evaluator"),
            DistrictScore = decimal.TryParse(run.Text("districtScore"), NumberStyles.Number, CultureInfo.InvariantCulture, out var score) ? score : null,
            ReportDocumentId = run.OptionalGuid("reportId"),
            RecordedAt = Clock.Now(run.Scope.Time),
        };
        run.Scope.Db.EvaluationRecords.Add(record);
        await run.Scope.Db.SaveChangesAsync(cancellationToken);
        return new JsonObject { ["evaluationRecordId"] = record.Id.ToString() };
    }
}
