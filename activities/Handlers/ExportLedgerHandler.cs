using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Documents;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

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
        var db = run.Scope.Db;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var unitCode = run.Text("supervisoryUnitCode");
        var associations = await db.Associations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var documents = (await db.IssuedDocumentNumbers.AsNoTracking().Where(n => n.AssociationId != null).Select(n => n.AssociationId!.Value).ToListAsync(cancellationToken))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var visits = (await db.Matters.AsNoTracking().Select(m => new { m.AssociationId, m.InPersonVisits }).ToListAsync(cancellationToken))
            .GroupBy(m => m.AssociationId).ToDictionary(g => g.Key, g => g.Sum(m => m.InPersonVisits));
        var rows = new List<Dictionary<string, object?>>();
        var included = new List<(Domain.Register.Association Association, string Unit)>();
        foreach (var a in associations)
        {
            var unit = a.SupervisoryUnitId is { } id && departments.TryGetValue(id, out var d) ? d : null;
            if (unitCode is not null && unit?.Code != unitCode)
            {
                continue;
            }

            included.Add((a, unit?.Name ?? "（已脱钩/无）"));

            rows.Add(new Dictionary<string, object?>
            {
                ["协会商会名称"] = a.Name,
                ["统一社会信用代码"] = a.CreditCode,
                ["业务主管单位"] = unit?.Name ?? "（已脱钩/无）",
                ["脱钩结果"] = Lookups.OutcomeName(a.Outcome),
                ["原因"] = a.OutcomeReason,
                ["登记证书编号"] = a.CertificateNumber,
                ["审核文件数"] = documents.GetValueOrDefault(a.Id),
                ["上门次数"] = visits.GetValueOrDefault(a.Id),
            });
        }

        // every text cell, not just the free-text ones: a certificate number or unit name typed as "=..." is a formula too
        var escaped = rows.Select(r => r.ToDictionary(c => c.Key, c => FormulaEscaper.EscapeCell(c.Value))).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(escaped, sheetName: "脱钩台账", cancellationToken: cancellationToken);
        stream.Position = 0;
        var record = await run.Scope.Documents.UploadAsync(stream,
            new DocumentUpload($"脱钩台账{run.Today:yyyyMMdd}.xlsx", DocumentType.RegisterExport, $"流程:{run.Context.DefinitionKey}"), cancellationToken);

        // the one-page summary for the leading group's meeting, in the same unit of work as the workbook
        var finished = new[] { Domain.Register.DecouplingOutcome.Decoupled, Domain.Register.DecouplingOutcome.Deregistered, Domain.Register.DecouplingOutcome.Revoked };
        const Domain.Register.DecouplingOutcome running = Domain.Register.DecouplingOutcome.InProgress;
        var byOutcome = included.GroupBy(i => Lookups.OutcomeName(i.Association.Outcome)).ToDictionary(g => g.Key, g => g.Count());
        var units = included.GroupBy(i => i.Unit).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LedgerReportDocx.UnitLine(g.Key, g.Count(), g.Count(i => finished.Contains(i.Association.Outcome)), g.Count(i => i.Association.Outcome == running),
                g.Count(i => !finished.Contains(i.Association.Outcome) && i.Association.Outcome != running)))
            .ToList();
        using var report = new MemoryStream(LedgerReportDocx.Build(run.Today, included.Count, byOutcome, units));
        var reportRecord = await run.Scope.Documents.UploadAsync(report,
            new DocumentUpload($"脱钩工作周报{run.Today:yyyyMMdd}.docx", DocumentType.Summary, $"流程:{run.Context.DefinitionKey}"), cancellationToken);
        return new JsonObject { ["ledgerDocumentId"] = record.Id.ToString(), ["reportDocumentId"] = reportRecord.Id.ToString() };
    }
}
