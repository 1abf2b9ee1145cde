using Decoupling.Domain.Excel;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Domain.Ledger;

/// <summary>
/// The decoupling ledger (台账), one definition for every place that exports it (the weekly job, the flows, the
/// dashboard's button): one row per association with its unit, outcome, certificate, issued review documents and the
/// visits its window matters cost; every text cell escaped against formula injection.
/// </summary>
public static class DecouplingLedger
{
    /// <summary>One association with the unit it is counted with; <see cref="UnitLeft"/> when it left that unit by decoupling.</summary>
    public sealed record Line(Association Association, string UnitName, int Documents, int Visits)
    {
        public bool UnitLeft { get; init; }
    }

    public static async Task<IReadOnlyList<Line>> LinesAsync(PlatformDbContext db, string? unitCode = null, CancellationToken cancellationToken = default)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var associations = await db.Associations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var documents = (await db.IssuedDocumentNumbers.AsNoTracking().Where(n => n.AssociationId != null).Select(n => n.AssociationId!.Value).ToListAsync(cancellationToken))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var visits = (await db.Matters.AsNoTracking().Select(m => new { m.AssociationId, m.InPersonVisits }).ToListAsync(cancellationToken))
            .Where(m => m.AssociationId is not null).GroupBy(m => m.AssociationId!.Value).ToDictionary(g => g.Key, g => g.Sum(m => m.InPersonVisits));
        // a decoupled association is counted with the unit it left, or a unit's 已完成 would always read 0
        var former = await FormerUnits.AllAsync(db, cancellationToken);
        var lines = new List<Line>();
        foreach (var a in associations)
        {
            var unitId = a.SupervisoryUnitId ?? (former.TryGetValue(a.Id, out var left) ? left : null);
            var unit = unitId is { } id && departments.TryGetValue(id, out var d) ? d : null;
            if (unitCode is not null && unit?.Code != unitCode)
            {
                continue;
            }

            lines.Add(new Line(a, unit?.Name ?? "（无业务主管单位）", documents.GetValueOrDefault(a.Id), visits.GetValueOrDefault(a.Id)) { UnitLeft = a.SupervisoryUnitId is null && unit is not null });
        }

        return lines;
    }

    public static async Task WriteAsync(Stream output, IReadOnlyList<Line> lines, CancellationToken cancellationToken = default)
    {
        var rows = lines.Select(l => new Dictionary<string, object?>
        {
            ["协会商会名称"] = l.Association.Name,
            ["统一社会信用代码"] = l.Association.CreditCode,
            ["业务主管单位"] = l.UnitLeft ? l.UnitName + "（已脱离）" : l.UnitName,
            ["脱钩结果"] = RegisterLabels.Display(l.Association.Outcome),
            ["原因"] = l.Association.OutcomeReason,
            ["登记证书编号"] = l.Association.CertificateNumber,
            ["审核文件数"] = l.Documents,
            ["上门次数"] = l.Visits,
        }.ToDictionary(c => c.Key, c => FormulaEscaper.EscapeCell(c.Value))).ToList();
        await output.SaveAsAsync(rows, sheetName: "脱钩台账", cancellationToken: cancellationToken);
    }
}
