using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Documents;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>ledger.export: the decoupling ledger (台账) as .xlsx — one row per association with outcome, certificate, documents and visits.</summary>
public sealed class ExportLedgerHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("ledger.export", "导出脱钩台账", "documents",
        "导出脱钩工作台账（Excel）：每个协会商会一行，含统一社会信用代码、业务主管单位、脱钩结果、登记证书、审核文件数和上门次数；另附一页 Word 周报（总体情况和各业务主管单位统计），一并存入文件库。")
    {
        Inputs = [new("supervisoryUnitCode", "只导出某业务主管单位") { Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" }],
        Outputs = [new("ledgerDocumentId", "台账文件 ID"), new("reportDocumentId", "周报（Word）文件 ID")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var lines = await DecouplingLedger.LinesAsync(run.Scope.Db, run.Text("supervisoryUnitCode"), cancellationToken);
        using var stream = new MemoryStream();
        await DecouplingLedger.WriteAsync(stream, lines, cancellationToken);
        stream.Position = 0;
        var record = await run.Scope.Documents.UploadAsync(stream,
            new DocumentUpload($"脱钩台账{run.Today:yyyyMMdd}.xlsx", DocumentType.RegisterExport, $"流程:{run.Context.DefinitionKey}"), cancellationToken);
        var included = lines.Select(l => (l.Association, Unit: l.UnitName)).ToList();

        // the one-page summary for the leading group's meeting, in the same unit of work as the workbook
        const Domain.Register.DecouplingOutcome running = Domain.Register.DecouplingOutcome.InProgress;
        var byOutcome = included.GroupBy(i => Lookups.OutcomeName(i.Association.Outcome)).ToDictionary(g => g.Key, g => g.Count());
        var units = included.GroupBy(i => i.Unit).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LedgerReportDocx.UnitLine(g.Key, g.Count(), g.Count(i => Domain.Register.DecouplingProgress.IsFinished(i.Association)), g.Count(i => i.Association.Outcome == running),
                g.Count(i => !Domain.Register.DecouplingProgress.IsFinished(i.Association) && i.Association.Outcome != running)))
            .ToList();
        using var report = new MemoryStream(LedgerReportDocx.Build(run.Today, included.Count, byOutcome, units));
        var reportRecord = await run.Scope.Documents.UploadAsync(report,
            new DocumentUpload($"脱钩工作周报{run.Today:yyyyMMdd}.docx", DocumentType.Summary, $"流程:{run.Context.DefinitionKey}"), cancellationToken);
        return new JsonObject { ["ledgerDocumentId"] = record.Id.ToString(), ["reportDocumentId"] = reportRecord.Id.ToString() };
    }
}
