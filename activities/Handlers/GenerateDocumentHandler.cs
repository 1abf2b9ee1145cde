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
                Choices = [.. DocumentKinds.All.Select(k => new InputChoice(k, DocumentKinds.Label(k)))],
            },
            new("associationId", "协会商会 ID") { DefaultValue = "${associationId}", Description = "方案和审核意见书必填" },
            new("itemId", "事项 ID") { Description = "审核意见书只列这一事项；空则列全部事项" },
            new("departmentCode", "发文部门代码") { Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
            new("documentNumber", "文号") { DefaultValue = "${documentNumber}" },
            new("opinion", "审核意见", InputType.Text) { Description = "审核人自己的意见，原文写入文书；不予许可时为理由" },
            new("reviewer", "审核人") { Description = "作出决定的人员（用户名），文书写明其姓名" },
            new("applicant", "申请人") { Description = "不予许可、不予受理、补正通知的抬头" },
            new("subject", "申请事项"),
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
            ["date"] = Lookups.ChineseDate(run.Today),
            ["documentNumber"] = run.Text("documentNumber") ?? "",
            ["opinion"] = run.Text("opinion") ?? (kind == DocumentKinds.Review ? "同意。" : ""),
            ["findings"] = run.Text("findings") ?? "",
            ["evaluator"] = run.Text("evaluator") ?? "",
            ["applicant"] = run.Text("applicant") ?? "",
            ["subject"] = run.Text("subject") ?? "",
            ["reviewer"] = await ReviewerNameAsync(run, cancellationToken),
        };
        var tables = new Dictionary<string, DocxTable>(StringComparer.Ordinal);
        Guid? ownerAssociation = null;
        Guid? ownerDepartment = null;
        string subject;
        var draft = false;

        if (run.Text("departmentCode") is { } code)
        {
            var department = await Lookups.DepartmentAsync(run.Scope, code, Topic, cancellationToken);
            values["departmentName"] = department.Name;
            ownerDepartment = department.Id;
        }

        switch (kind)
        {
            case var about when DocumentKinds.AboutAssociation(about):
            {
                var associationId = run.OptionalGuid("associationId") ?? throw new ActivityInputException(Topic, "associationId", $"{DocumentKinds.Label(kind)}必须指定协会商会");
                var association = await run.Scope.Register.GetAsync(associationId, cancellationToken);
                await FillAssociationAsync(run, association, values, cancellationToken);
                var checklist = await run.Scope.Checklists.GetAsync(associationId, cancellationToken);
                var itemId = run.OptionalGuid("itemId");
                var items = checklist?.Items.Where(i => itemId is null || i.Id == itemId).OrderBy(i => i.Number).ToList() ?? [];
                var names = (await run.Scope.Departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
                tables["items"] = new DocxTable(Lookups.ItemHeaders, [.. items.Select(i => Lookups.ItemRow(i, names))]);
                if (kind == DocumentKinds.Plan)
                {
                    FillPlan(run, items, names, values, tables);
                    values["relationships"] = await RelationshipsTextAsync(run, associationId, cancellationToken);
                }

                ownerAssociation = associationId;
                subject = association.Name;
                break;
            }

            case DocumentKinds.RegistrationRefusal or DocumentKinds.IntakeRefusal or DocumentKinds.SupplementNotice:
            {
                // an applicant not yet registered has no entry: the document then belongs to the window that issued it
                ownerAssociation = run.OptionalGuid("associationId");
                if (ownerAssociation is not null)
                {
                    ownerDepartment = null;
                }

                subject = values["applicant"].Length > 0 ? values["applicant"] : "申请人";
                break;
            }

            case DocumentKinds.Summary:
            {
                var unitCode = run.Text("supervisoryUnitCode") ?? throw new ActivityInputException(Topic, "supervisoryUnitCode", "工作总结必须指定业务主管单位");
                var unit = await Lookups.DepartmentAsync(run.Scope, unitCode, Topic, cancellationToken);
                var all = await CheckUnitDoneHandler.UnitAssociationsAsync(run.Scope, unit.Id, cancellationToken);
                var associations = all.Where(a => a.InScope).ToList();
                var ids = associations.Select(a => a.Id).ToList();
                var db = run.Scope.Db;
                var documents = await db.IssuedDocumentNumbers.AsNoTracking().CountAsync(n => n.AssociationId != null && ids.Contains(n.AssociationId.Value), cancellationToken);
                var matters = await db.Matters.AsNoTracking().Where(m => m.AssociationId != null && ids.Contains(m.AssociationId.Value)).ToListAsync(cancellationToken);
                var findings = await db.AuditFindings.AsNoTracking().Where(f => ids.Contains(f.AssociationId)).ToListAsync(cancellationToken);
                values["unitName"] = unit.Name;
                FillCounts(values, associations);
                values["exemptCount"] = (all.Count - associations.Count).ToString(CultureInfo.InvariantCulture);
                values["documentCount"] = documents.ToString(CultureInfo.InvariantCulture);
                // visits as recorded at the window, never assumed (R18)
                values["matterCount"] = matters.Count.ToString(CultureInfo.InvariantCulture);
                values["visitCount"] = matters.Sum(m => m.InPersonVisits).ToString(CultureInfo.InvariantCulture);
                values["zeroVisitCount"] = matters.Count(m => m.InPersonVisits == 0).ToString(CultureInfo.InvariantCulture);
                values["auditCount"] = findings.Select(f => f.AssociationId).Distinct().Count().ToString(CultureInfo.InvariantCulture);
                values["findingCount"] = findings.Count(f => f.Status != Domain.Inspection.AuditFindingStatus.Clean).ToString(CultureInfo.InvariantCulture);
                values["rectifiedCount"] = findings.Count(f => f.Status == Domain.Inspection.AuditFindingStatus.Closed).ToString(CultureInfo.InvariantCulture);
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
                // the report generated before the evaluator's findings is the draft; the case lists both, and people must tell them apart
                subject = "罗庄区";
                draft = string.IsNullOrWhiteSpace(values["findings"]);
                break;
            }

            default:
                throw new ActivityInputException(Topic, "kind", kind);
        }

        var bytes = DocxRenderer.Render(await File.ReadAllBytesAsync(templatePath, cancellationToken), values, tables);
        var fileName = $"{subject}{DocumentKinds.Label(kind)}{(values["documentNumber"].Length > 0 ? "（" + values["documentNumber"] + "）" : "")}{(draft ? "（初稿）" : "")}.docx";
        using var content = new MemoryStream(bytes);
        var record = await run.Scope.Documents.UploadAsync(content,
            new DocumentUpload(fileName, DocumentKinds.Type(kind), $"流程:{run.Context.DefinitionKey}", ownerDepartment, ownerAssociation), cancellationToken);
        return new JsonObject { ["documentId"] = record.Id.ToString(), ["fileName"] = record.FileName };
    }

    /// <summary>The decider's name as documents print it (a user name is never shown).</summary>
    private static async Task<string> ReviewerNameAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        if (run.Text("reviewer") is not { } user)
        {
            return "";
        }

        return await run.Scope.Db.Users.AsNoTracking().Where(u => u.UserName == user).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? user;
    }

    private static async Task<string> RelationshipsTextAsync(ActivityRun run, Guid associationId, CancellationToken cancellationToken)
    {
        var ties = await run.Scope.Relationships.ListAsync(associationId, cancellationToken);
        if (ties.Count == 0)
        {
            return "行政机关无主办、主管、联系和挂靠关系";
        }

        return string.Join("，", ties.Select(t => $"{t.Agency}{(t.SubordinateUnit ? "（下属单位）" : "")}存在{KindName(t.Kind)}关系")) + "，本次脱钩逐一取消";
    }

    private static string KindName(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Sponsor => "主办",
        RelationshipKind.Supervisor => "主管",
        RelationshipKind.Contact => "联系",
        _ => "挂靠",
    };

    /// <summary>
    /// The plan's goals, tasks by separation and timetable (R9), from the association's own checklist: its items, their
    /// measures, deadlines and reviewing departments, and dates counted from today.
    /// </summary>
    private static void FillPlan(ActivityRun run, IReadOnlyList<Domain.Checklists.ChecklistItem> items, IReadOnlyDictionary<string, string> names,
        Dictionary<string, string> values, Dictionary<string, DocxTable> tables)
    {
        var applicable = items.Where(i => !i.NotApplicable).ToList();
        var last = applicable.Select(i => i.Deadline).OfType<DateOnly>().DefaultIfEmpty(run.Today.AddMonths(3)).Max();
        var today = run.Today;
        values["itemCount"] = items.Count.ToString(CultureInfo.InvariantCulture);
        values["notApplicableCount"] = (items.Count - applicable.Count).ToString(CultureInfo.InvariantCulture);
        values["goals"] = $"到{Lookups.ChineseDate(last)}，完成本方案所列{applicable.Count}项脱钩事项，实现机构、职能、资产财务、人员管理、党建和外事等事项分离，" +
                          $"取消与{values.GetValueOrDefault("supervisoryUnit", "业务主管单位")}的主办、主管、联系和挂靠关系，依法直接登记、独立运行，按规定换发登记证书。";
        tables["tasks"] = new DocxTable(["类别", "事项", "分离措施（具体方案）", "完成时限", "责任单位", "审核部门"],
            [.. items.OrderBy(i => i.Category).ThenBy(i => i.Number).Select(i => (IReadOnlyList<string>)
            [
                Domain.Checklists.SeparationCategoryNames.Display(i.Category), $"{i.Number}. {i.Title}",
                i.NotApplicable ? "不涉及：" + i.NotApplicableReason : i.SeparationMeasure ?? "",
                i.Deadline is { } d ? Lookups.ChineseDate(d) : "", i.ResponsibleUnit ?? "",
                string.Join("、", i.ReviewingDepartmentCodes.Select(c => names.GetValueOrDefault(c, c))),
            ])]);
        tables["steps"] = new DocxTable(["步骤", "主要工作", "时间安排"],
        [
            ["（一）制定方案", "业务主管单位会同本会制定方案，报区脱钩试点领导小组办公室审核", $"{Lookups.ChineseDate(today)}前"],
            ["（二）职能部门审核", "各审核部门对清单事项逐项审核并出具审核文件", $"{Lookups.ChineseDate(today.AddDays(30))}前"],
            ["（三）完成脱钩任务", "落实各事项的分离措施，上传佐证材料，业务主管单位确认", $"{Lookups.ChineseDate(last)}前"],
            ["（四）变更登记和换证", "到区民政局一窗办理变更、核准、备案和换证", "脱钩任务完成后30日内"],
            ["（五）工作总结", "业务主管单位总结报送", "所属协会全部完成后"],
        ]);
    }

    private static void FillCounts(Dictionary<string, string> values, List<Association> associations)
    {
        values["associationCount"] = associations.Count.ToString(CultureInfo.InvariantCulture);
        values["decoupledCount"] = associations.Count(a => a.Outcome == DecouplingOutcome.Decoupled).ToString(CultureInfo.InvariantCulture);
        values["deregisteredCount"] = associations.Count(a => a.Outcome == DecouplingOutcome.Deregistered).ToString(CultureInfo.InvariantCulture);
        values["otherCount"] = associations.Count(a => a.Outcome is DecouplingOutcome.Revoked or DecouplingOutcome.SetAside).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A decoupled association no longer names its supervisory unit: the register's history does.</summary>
    private static async Task<string?> FormerUnitAsync(ActivityRun run, Association a, CancellationToken cancellationToken)
    {
        return await FormerUnits.OfAsync(run.Scope.Db, a.Id, cancellationToken) is { } id ? (await Lookups.DepartmentAsync(run.Scope, id, cancellationToken))?.Name : null;
    }

    private static async Task FillAssociationAsync(ActivityRun run, Association a, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var unit = await Lookups.DepartmentAsync(run.Scope, a.SupervisoryUnitId, cancellationToken);
        // numbers with their units, never "0.0平方米" or a bare dash where people expect a figure
        static string N(decimal? v, string unit) => v is { } d ? d.ToString("0.##", CultureInfo.InvariantCulture) + unit : "未填报";
        values["associationName"] = a.Name;
        values["creditCode"] = a.CreditCode ?? "（未登记）";
        values["supervisoryUnit"] = unit?.Name ?? await FormerUnitAsync(run, a, cancellationToken) ?? "无业务主管单位";
        values["address"] = a.Address ?? "—";
        values["legalRepresentative"] = a.LegalRepresentative ?? "—";
        values["businessScope"] = a.BusinessScope ?? "—";
        values["memberCount"] = N(a.MemberCount, "个");
        values["fullTimeStaff"] = N(a.FullTimeStaff, "人");
        values["assets"] = N(a.AssetsTenThousandYuan, "万元");
        values["officeSpace"] = a.OfficeSpaceSquareMetres is null or 0 ? "无" : N(a.OfficeSpaceSquareMetres, "平方米");
        values["fiscalAppropriation"] = a.FiscalAppropriationTenThousandYuan is null or 0 ? "无" : N(a.FiscalAppropriationTenThousandYuan, "万元");
        values["partyOrganisation"] = a.PartyOrganisation ?? "未填报";
        values["servingOfficials"] = N(a.ServingOfficialsHoldingPosts, "人");
        values["retiredOfficials"] = N(a.RetiredOfficialsHoldingPosts, "人");
        values["certificateNumber"] = a.CertificateNumber ?? "";
        values.TryAdd("departmentName", unit?.Name ?? "");
    }
}
