using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Common;
using Decoupling.Domain.Register;
using Decoupling.Domain.Sampling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// audit.sample: picks a share of the associations whose asset-and-finance items are done or under way for a spot-check
/// by 区审计局 (抽查). Reproducible: the same seed and candidates give the same picks; never the same association twice
/// (across rounds: picks are recorded). Returns the list the flow's multi-instance audit task iterates.
/// </summary>
public sealed class AuditSampleHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("audit.sample", "审计抽查抽样", "audit",
        "按比例从资产财务分离事项已进入审核或完成的协会商会中抽取审计对象（随机种子可复现，同一协会商会不会被重复抽中），返回抽查名单，由区审计局逐个开展资产清查抽查。")
    {
        Inputs =
        [
            new("share", "抽查比例", Required: true) { DefaultValue = "0.2", Pattern = @"^(0(\.\d+)?|1(\.0+)?)$", PatternMessage = "比例为 0 到 1 之间的小数" },
            new("seed", "随机种子", Required: true) { DefaultValue = "2026", Pattern = @"^-?\d{1,9}$", PatternMessage = "随机种子为整数" },
            new("round", "抽查批次") { Description = "空则为本流程实例" },
            new("supervisoryUnitCode", "只抽某业务主管单位（含已脱钩的原所属协会）") { Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
        ],
        Outputs = [new("auditSample", "抽查名单"), new("auditSampleCount", "抽查数量")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var share = run.Number("share", 0.2);
        var seed = int.Parse(run.RequiredText("seed"), CultureInfo.InvariantCulture);
        var round = run.Text("round") ?? run.Context.RootInstanceId.ToString("N");
        var db = run.Scope.Db;
        var sampled = await db.AuditSamples.AsNoTracking().Select(s => s.AssociationId).ToListAsync(cancellationToken);
        var eligibleIds = await db.Checklists.AsNoTracking()
            .Where(c => c.Items.Any(i => i.Category == SeparationCategory.AssetsFinance
                && (i.Status == ChecklistItemStatus.InReview || i.Status == ChecklistItemStatus.Approved || i.Status == ChecklistItemStatus.Done)))
            .Select(c => c.AssociationId).ToListAsync(cancellationToken);
        var candidates = await db.Associations.AsNoTracking()
            .Where(a => (eligibleIds.Contains(a.Id) || a.Outcome == DecouplingOutcome.Decoupled) && !sampled.Contains(a.Id))
            .ToListAsync(cancellationToken);
        if (run.Text("supervisoryUnitCode") is { } unitCode)
        {
            var unit = await Lookups.DepartmentAsync(run.Scope, unitCode, Topic, cancellationToken);
            var ofUnit = (await CheckUnitDoneHandler.UnitAssociationsAsync(run.Scope, unit.Id, cancellationToken)).Select(a => a.Id).ToHashSet();
            candidates = [.. candidates.Where(a => ofUnit.Contains(a.Id))];
        }

        candidates = [.. candidates.Where(a => a.InScope).OrderBy(a => a.CreditCode ?? a.Name, StringComparer.Ordinal).ThenBy(a => a.Id)];
        var count = candidates.Count == 0 ? 0 : Math.Max(1, (int)Math.Round(candidates.Count * share, MidpointRounding.AwayFromZero));
        var random = new Random(seed);
        var picks = candidates.OrderBy(_ => random.Next()).Take(count).ToList();
        var now = Clock.Now(run.Scope.Time);
        foreach (var pick in picks)
        {
            db.AuditSamples.Add(new AuditSampleEntry { Round = round, AssociationId = pick.Id, Seed = seed, SelectedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new JsonObject
        {
            ["auditSample"] = new JsonArray([.. picks.Select(a => (JsonNode)new JsonObject { ["associationId"] = a.Id.ToString(), ["name"] = a.Name, ["creditCode"] = a.CreditCode })]),
            ["auditSampleCount"] = picks.Count,
        };
    }
}
