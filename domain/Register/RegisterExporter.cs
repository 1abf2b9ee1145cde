using System.Globalization;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Domain.Register;

/// <summary>
/// Writes the register as .xlsx with the import's headers, so an export can be edited and imported elsewhere. Text
/// cells are escaped against formula injection.
/// </summary>
public sealed class RegisterExporter(PlatformDbContext db)
{
    public async Task ExportAsync(Stream output, Guid? supervisoryUnitId = null, CancellationToken cancellationToken = default)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var query = db.Associations.AsNoTracking();
        if (supervisoryUnitId is not null)
        {
            query = FormerUnits.OfUnit(db, query, supervisoryUnitId.Value);
        }

        var associations = await query.OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var rows = associations.Select(a => ToRow(a, departments)).ToList();
        if (rows.Count == 0)
        {
            // MiniExcel needs a row to know the headers; an empty register still exports its header line
            rows.Add(RegisterColumns.All.ToDictionary(c => c, _ => (object?)null));
        }

        await output.SaveAsAsync(rows, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    public static Dictionary<string, object?> ToRow(Association a, IReadOnlyDictionary<Guid, string> departments)
    {
        var row = new Dictionary<string, object?>
        {
            [RegisterColumns.CreditCode] = a.CreditCode,
            [RegisterColumns.Name] = a.Name,
            [RegisterColumns.Address] = a.Address,
            [RegisterColumns.LegalRepresentative] = a.LegalRepresentative,
            [RegisterColumns.BusinessScope] = a.BusinessScope,
            [RegisterColumns.SupervisoryUnit] = a.SupervisoryUnitId is { } id && departments.TryGetValue(id, out var name) ? name : null,
            [RegisterColumns.MemberCount] = a.MemberCount,
            [RegisterColumns.FullTimeStaff] = a.FullTimeStaff,
            [RegisterColumns.Assets] = a.AssetsTenThousandYuan,
            [RegisterColumns.OfficeSpace] = a.OfficeSpaceSquareMetres,
            [RegisterColumns.FiscalAppropriation] = a.FiscalAppropriationTenThousandYuan,
            [RegisterColumns.PartyOrganisation] = a.PartyOrganisation,
            [RegisterColumns.ServingOfficials] = a.ServingOfficialsHoldingPosts,
            [RegisterColumns.RetiredOfficials] = a.RetiredOfficialsHoldingPosts,
            [RegisterColumns.Industry] = a.Industry,
            // as text: a date style would make MiniExcel and Excel disagree on what the cell holds
            [RegisterColumns.FoundedOn] = a.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [RegisterColumns.Status] = RegisterLabels.Display(a.Status),
            [RegisterColumns.Outcome] = RegisterLabels.Display(a.Outcome),
            [RegisterColumns.OutcomeReason] = a.OutcomeReason,
            [RegisterColumns.CertificateNumber] = a.CertificateNumber,
        };
        foreach (var key in row.Keys.ToList())
        {
            row[key] = FormulaEscaper.EscapeCell(row[key]);
        }

        return row;
    }
}
