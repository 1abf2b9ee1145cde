using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Documents;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// document.generate: fills a Word template of seed/templates with the association's register data, its checklist items
/// (as a table), the unit's or district's figures, and stores the .docx through the DocumentService. Once per activation:
/// a second run returns the same document id.
/// </summary>
public sealed class GenerateDocumentHandler(IServiceScopeFactory scopes, ActivityOptions options) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("document.generate", "生成文书", "documents",
        "按 seed/templates 中的 Word 模板生成文书（脱钩方案、审核意见书、脱钩工作总结、成效评估报告），替换 {{占位符}}，附事项清单表格，字体为宋体/仿宋，存入文件库并返回文件 ID。")
    {
        Inputs =
        [
            new("kind", "文书类型", InputType.Dropdown, Required: true)
            {
                Choices = [new(DocumentKinds.Plan, "脱钩方案"), new(DocumentKinds.Review, "审核意见书"), new(DocumentKinds.Summary, "脱钩工作总结"), new(DocumentKinds.Evaluation, "成效评估报告")],
            },
            new("associationId", "协会商会 ID") { DefaultValue = "${associationId}", Description = "方案和审核意见书必填" },
            new("itemId", "事项 ID") { Description = "审核意见书只列这一事项；空则列全部事项" },
            new("departmentCode", "发文部门代码") { Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
            new("documentNumber", "文号") { DefaultValue = "${documentNumber}" },
            new("opinion", "审核意见", InputType.Text),
            new("supervisoryUnitCode", "业务主管单位代码") { Description = "工作总结必填", Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
            new("evaluation", "评估结果", InputType.Text) { Description = "成效评估报告用：evaluation.compute 的输出" },
            new("findings", "评估意见", InputType.Text),
            new("evaluator", "评估方"),
        ],
        Outputs = [new("documentId", "文件 ID"), new("fileName", "文件名")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var kind = run.RequiredText("kind");
        var templatePath = Path.Combine(options.TemplatesFolder, DocumentKinds.TemplateFile(kind));
        if (!File.Exists(templatePath))
        {
            throw new FileNotFoundException($"文书模板 {templatePath} 不存在", templatePath);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = run.Today.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            ["documentNumber"] = run.Text("documentNumber") ?? "",
            ["opinion"] = run.Text("opinion") ?? "同意。",
            ["findings"] = run.Text("findings") ?? "",
            ["evaluator"] = run.Text("evaluator") ?? "",
        };
        var tables = new Dictionary<string, DocxTable>(StringComparer.Ordinal);
        Guid? ownerAssociation = null;
        Guid? ownerDepartment = null;
        string subject;

        if (run.Text("departmentCode") is { } code)
        {
            var department = await Lookups.DepartmentAsync(run.Scope, code, Topic, cancellationToken);
            values["departmentName"] = department.Name;
            ownerDepartment = department.Id;
        }

        switch (kind)
        {
            case DocumentKinds.Plan or DocumentKinds.Review:
            {
                var associationId = run.Inputs["associationId"] is null ? throw new ActivityInputException(Topic, "associationId", "方案和审核意见书必须指定协会商会")
                    : run.RequiredGuid("associationId");
                var association = await run.Scope.Register.GetAsync(associationId, cancellationToken);
                await FillAssociationAsync(run, association, values, cancellationToken);
                var checklist = await run.Scope.Checklists.GetAsync(associationId, cancellationToken);
                var itemId = run.OptionalGuid("itemId");
                var items = checklist?.Items.Where(i => itemId is null || i.Id == itemId).OrderBy(i => i.Number).ToList() ?? [];
                tables["items"] = new DocxTable(Lookups.ItemHeaders, [.. items.Select(Lookups.ItemRow)]);
                ownerAssociation = associationId;
                subject = association.Name;
                break;
            }

            case DocumentKinds.Summary:
            {
                var unitCode = run.Text("supervisoryUnitCode") ?? throw new ActivityInputException(Topic, "supervisoryUnitCode", "工作总结必须指定业务主管单位");
                var unit = await Lookups.DepartmentAsync(run.Scope, unitCode, Topic, cancellationToken);
                var associations = await run.Scope.Db.Associations.AsNoTracking().Where(a => a.SupervisoryUnitId == unit.Id || a.Outcome != DecouplingOutcome.None)
                    .ToListAsync(cancellationToken);
                associations = [.. associations.Where(a => a.SupervisoryUnitId == unit.Id || WasUnder(run, a.Id, unit.Id))];
                var documents = await run.Scope.Db.IssuedDocumentNumbers.AsNoTracking().CountAsync(n => n.DepartmentCode == unitCode, cancellationToken);
                values["unitName"] = unit.Name;
                FillCounts(values, associations);
                values["documentCount"] = documents.ToString(CultureInfo.InvariantCulture);
                tables["associations"] = new DocxTable(["协会商会", "统一社会信用代码", "脱钩结果", "登记证书"],
                    [.. associations.OrderBy(a => a.Name).Select(a => (IReadOnlyList<string>)[a.Name, a.CreditCode ?? "", Lookups.OutcomeName(a.Outcome), a.CertificateNumber ?? ""])]);
                ownerDepartment = unit.Id;
                subject = unit.Name;
                break;
            }

            case DocumentKinds.Evaluation:
            {
                var evaluation = run.Json("evaluation") as JsonObject ?? throw new ActivityInputException(Topic, "evaluation", "成效评估报告须提供评估结果");
                var rows = evaluation["associations"] as JsonArray ?? [];
                values["associationCount"] = rows.Count.ToString(CultureInfo.InvariantCulture);
                values["decoupledCount"] = rows.Count(r => r?["outcome"]?.ToString() == nameof(DecouplingOutcome.Decoupled)).ToString(CultureInfo.InvariantCulture);
                values["deregisteredCount"] = rows.Count(r => r?["outcome"]?.ToString() == nameof(DecouplingOutcome.Deregistered)).ToString(CultureInfo.InvariantCulture);
                values["otherCount"] = rows.Count(r => r?["outcome"]?.ToString() is not (nameof(DecouplingOutcome.Decoupled) or nameof(DecouplingOutcome.Deregistered))).ToString(CultureInfo.InvariantCulture);
                values["districtScore"] = evaluation["districtScore"]?.ToString() ?? "";
                tables["indicators"] = new DocxTable(["指标", "权重"],
                    [.. (evaluation["indicators"] as JsonArray ?? []).Select(i => (IReadOnlyList<string>)[i?["label"]?.ToString() ?? "", i?["weight"]?.ToString() ?? ""])]);
                tables["units"] = new DocxTable(["业务主管单位", "协会商会数", "平均得分"],
                    [.. (evaluation["units"] as JsonArray ?? []).Select(u => (IReadOnlyList<string>)[u?["name"]?.ToString() ?? "", u?["count"]?.ToString() ?? "", u?["score"]?.ToString() ?? ""])]);
                tables["associations"] = new DocxTable(["协会商会", "统一社会信用代码", "结果", "得分"],
                    [.. rows.Select(r => (IReadOnlyList<string>)[r?["name"]?.ToString() ?? "", r?["creditCode"]?.ToString() ?? "", r?["outcomeName"]?.ToString() ?? "", r?["score"]?.ToString() ?? ""])]);
                subject = "罗庄区";
                break;
            }

            default:
                throw new ActivityInputException(Topic, "kind", kind);
        }

        var bytes = DocxRenderer.Render(await File.ReadAllBytesAsync(templatePath, cancellationToken), values, tables);
        var fileName = $"{subject}{DocumentKinds.Label(kind)}{(values["documentNumber"].Length > 0 ? "（" + values["documentNumber"] + "）" : "")}.docx";
        using var content = new MemoryStream(bytes);
        var record = await run.Scope.Documents.UploadAsync(content,
            new DocumentUpload(fileName, DocumentKinds.Type(kind), $"流程:{run.Context.DefinitionKey}", ownerDepartment, ownerAssociation), cancellationToken);
        return new JsonObject { ["documentId"] = record.Id.ToString(), ["fileName"] = record.FileName };
    }

    private static bool WasUnder(ActivityRun run, Guid associationId, Guid unitId)
    {
        // decoupled associations no longer name their former supervisory unit: the register's history does
        var former = unitId.ToString();
        return run.Scope.Db.AssociationChanges.AsNoTracking()
            .Any(c => c.AssociationId == associationId && c.Field == nameof(Association.SupervisoryUnitId) && c.OldValue == former);
    }

    private static void FillCounts(Dictionary<string, string> values, List<Association> associations)
    {
        values["associationCount"] = associations.Count.ToString(CultureInfo.InvariantCulture);
        values["decoupledCount"] = associations.Count(a => a.Outcome == DecouplingOutcome.Decoupled).ToString(CultureInfo.InvariantCulture);
        values["deregisteredCount"] = associations.Count(a => a.Outcome == DecouplingOutcome.Deregistered).ToString(CultureInfo.InvariantCulture);
        values["otherCount"] = associations.Count(a => a.Outcome is DecouplingOutcome.Revoked or DecouplingOutcome.SetAside).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task FillAssociationAsync(ActivityRun run, Association a, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var unit = await Lookups.DepartmentAsync(run.Scope, a.SupervisoryUnitId, cancellationToken);
        static string N(object? v) => v switch
        {
            null => "—",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "—",
        };
        values["associationName"] = a.Name;
        values["creditCode"] = a.CreditCode ?? "（未登记）";
        values["supervisoryUnit"] = unit?.Name ?? "—";
        values["address"] = a.Address ?? "—";
        values["legalRepresentative"] = a.LegalRepresentative ?? "—";
        values["businessScope"] = a.BusinessScope ?? "—";
        values["memberCount"] = N(a.MemberCount);
        values["fullTimeStaff"] = N(a.FullTimeStaff);
        values["assets"] = N(a.AssetsTenThousandYuan);
        values["officeSpace"] = N(a.OfficeSpaceSquareMetres);
        values["fiscalAppropriation"] = N(a.FiscalAppropriationTenThousandYuan);
        values["partyOrganisation"] = a.PartyOrganisation ?? "—";
        values["servingOfficials"] = N(a.ServingOfficialsHoldingPosts);
        values["retiredOfficials"] = N(a.RetiredOfficialsHoldingPosts);
        values.TryAdd("departmentName", unit?.Name ?? "");
    }
}
