using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// evaluation.compute: the step-5 indicators per association and per supervisory unit — each separation done with
/// evidence, on time, review documents issued, registration renewed (or deregistered), zero in-person visits — scored
/// with weights that are data (seed/evaluation-indicators.json, or the weights input).
/// </summary>
public sealed class ComputeEvaluationHandler(IServiceScopeFactory scopes, ActivityOptions options) : ActivityHandler(scopes)
{
    public const string IndicatorsFile = "evaluation-indicators.json";

    public override ActivityDescriptor Descriptor { get; } = new("evaluation.compute", "计算成效评估指标", "evaluation",
        "逐个协会商会计算评估指标（五分离各项是否完成且有佐证、是否按期、审核文件是否出具、是否完成变更登记换证、是否零上门），按权重计分，并按业务主管单位和全区汇总。权重为数据，可在输入中覆盖。")
    {
        Inputs =
        [
            new("weights", "指标权重（JSON）", InputType.Text) { Description = "如 [{\"code\":\"separations\",\"label\":\"…\",\"weight\":40}]；空则用 seed/evaluation-indicators.json" },
            new("supervisoryUnitCode", "只评估某业务主管单位") { Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
        ],
        Outputs = [new("evaluation", "评估结果"), new("districtScore", "全区得分")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var indicators = run.Json("weights") as JsonArray ?? await LoadIndicatorsAsync(cancellationToken);
        var weights = indicators.ToDictionary(i => i!["code"]!.ToString(), i => i!["weight"]!.GetValue<double>());
        var db = run.Scope.Db;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var associations = await db.Associations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var formerUnits = await FormerUnits.AllAsync(db, cancellationToken);
        var checklists = await db.Checklists.AsNoTracking().Include(c => c.Items).ToDictionaryAsync(c => c.AssociationId, cancellationToken);
        var documents = (await db.IssuedDocumentNumbers.AsNoTracking().Where(n => n.AssociationId != null).Select(n => n.AssociationId!.Value).ToListAsync(cancellationToken))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var certificates = (await db.Certificates.AsNoTracking().Where(c => c.VoidedAt == null).Select(c => c.AssociationId).ToListAsync(cancellationToken)).ToHashSet();
        var visits = (await db.Matters.AsNoTracking().Where(m => m.AssociationId != null).Select(m => new { AssociationId = m.AssociationId!.Value, m.InPersonVisits }).ToListAsync(cancellationToken))
            .GroupBy(m => m.AssociationId).ToDictionary(g => g.Key, g => g.Sum(m => m.InPersonVisits));
        var matters = (await db.Matters.AsNoTracking().Where(m => m.AssociationId != null).Select(m => m.AssociationId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var openFindings = (await db.AuditFindings.AsNoTracking().Where(f => f.Status == Domain.Inspection.AuditFindingStatus.Rectifying)
            .Select(f => f.AssociationId).ToListAsync(cancellationToken)).ToHashSet();
        var scope = run.Text("supervisoryUnitCode");

        var rows = new JsonArray();
        var byUnit = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        // only associations in the decoupling's scope are evaluated; an exempt one counts nowhere (R3)
        foreach (var association in associations.Where(a => a.InScope))
        {
            var unitId = association.SupervisoryUnitId ?? formerUnits.GetValueOrDefault(association.Id);
            var unit = unitId is { } u && departments.TryGetValue(u, out var d) ? d : null;
            if (scope is not null && unit?.Code != scope)
            {
                continue;
            }

            var items = checklists.TryGetValue(association.Id, out var checklist) ? checklist.Items : [];
            var separations = new JsonObject();
            foreach (var category in Enum.GetValues<SeparationCategory>())
            {
                // records only: no checklist, or a category without items, earns nothing (an item that does not apply counts when verified)
                var ofCategory = items.Where(i => i.Category == category).ToList();
                separations[category.ToString()] = ofCategory.Count > 0
                    && ofCategory.All(i => i.Status == ChecklistItemStatus.Done && (i.NotApplicable || i.EvidenceDocumentIds.Count > 0));
            }

            var deregistered = association.Outcome == DecouplingOutcome.Deregistered;
            var values = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["separations"] = deregistered ? 1 : Enum.GetValues<SeparationCategory>().Count(c => separations[c.ToString()]!.GetValue<bool>()) / 5.0,
                ["onTime"] = deregistered || (items.Count > 0 && items.All(i => i.Status == ChecklistItemStatus.Done
                    && (i.Deadline is null || DateOnly.FromDateTime(i.UpdatedAt.UtcDateTime) <= i.Deadline))) ? 1 : 0,
                ["documents"] = deregistered || documents.GetValueOrDefault(association.Id) > 0 ? 1 : 0,
                ["registration"] = deregistered || (association.Outcome == DecouplingOutcome.Decoupled && certificates.Contains(association.Id)) ? 1 : 0,
                // zero-visit credit needs a recorded matter: no registration matter proves nothing about visits
                ["zeroVisits"] = matters.Contains(association.Id) && visits.GetValueOrDefault(association.Id) == 0 ? 1 : 0,
                ["audit"] = openFindings.Contains(association.Id) ? 0 : 1,
            };
            var score = Math.Round(values.Sum(v => v.Value * weights.GetValueOrDefault(v.Key)), 1);
            var unitKey = unit?.Code ?? "";
            if (!byUnit.TryGetValue(unitKey, out var list))
            {
                byUnit[unitKey] = list = [];
            }

            list.Add(score);
            var indicatorValues = new JsonObject();
            foreach (var (code, value) in values)
            {
                indicatorValues[code] = value;
            }

            rows.Add(new JsonObject
            {
                ["id"] = association.Id.ToString(),
                ["name"] = association.Name,
                ["creditCode"] = association.CreditCode,
                ["unit"] = unit?.Code,
                ["outcome"] = association.Outcome.ToString(),
                ["outcomeName"] = Lookups.OutcomeName(association.Outcome),
                ["separations"] = separations,
                ["indicators"] = indicatorValues,
                ["inPersonVisits"] = visits.GetValueOrDefault(association.Id),
                ["openAuditFindings"] = openFindings.Contains(association.Id),
                ["score"] = score,
            });
        }

        var units = new JsonArray([.. byUnit.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (JsonNode)new JsonObject
        {
            ["code"] = u.Key,
            ["name"] = departments.Values.FirstOrDefault(d => d.Code == u.Key)?.Name ?? "（无业务主管单位）",
            ["count"] = u.Value.Count,
            ["score"] = Math.Round(u.Value.Average(), 1),
        })]);
        var district = rows.Count == 0 ? 0 : Math.Round(rows.Average(r => r!["score"]!.GetValue<double>()), 1);
        return new JsonObject
        {
            ["evaluation"] = new JsonObject { ["indicators"] = indicators.DeepClone(), ["associations"] = rows, ["units"] = units, ["districtScore"] = district },
            ["districtScore"] = district,
        };
    }

    private async Task<JsonArray> LoadIndicatorsAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.SeedFolder, IndicatorsFile);
        return JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonArray
            ?? throw new InvalidDataException($"{path} 应为指标数组");
    }
}
