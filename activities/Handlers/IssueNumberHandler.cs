using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// review.issue-number: the reviewing department's next document number of the year (罗编审〔2026〕12号), unique and
/// gap-free (see DocumentNumberService), once per task activation even if the job runs twice.
/// </summary>
public sealed class IssueNumberHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("review.issue-number", "审核文件编号", "review",
        "为审核部门的审核文件取号：部门发文字号前缀＋〔年份〕＋序号＋号，如 罗编审〔2026〕12号。同一部门同一年连续不重号、不跳号，同一任务重复执行只取一次号。")
    {
        Inputs =
        [
            new("departmentCode", "发文部门代码", Required: true) { DefaultValue = "${reviewDept}", Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
            new("associationId", "协会商会 ID") { DefaultValue = "${associationId}" },
            new("subject", "文件事由") { DefaultValue = "${itemTitle}" },
        ],
        Outputs = [new("documentNumber", "文号"), new("documentSequence", "序号")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var department = run.RequiredText("departmentCode");
        var year = run.Context.Now.ToOffset(TimeSpan.FromHours(8)).Year;
        var issued = await run.Scope.Numbers.IssueAsync(department, year, run.Context.IdempotencyKey, run.Text("subject"),
            run.OptionalGuid("associationId"), cancellationToken);
        return new JsonObject { ["documentNumber"] = issued.Number, ["documentSequence"] = issued.Sequence };
    }
}
