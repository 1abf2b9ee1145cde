using Decoupling.Domain.Excel;
using Decoupling.Domain.Resources;
using MiniExcelLibs;

namespace Decoupling.Domain.Checklists;

/// <summary>
/// Reads and writes the checklist spreadsheet. Status, evidence and review opinion are written for reading but
/// ignored on import: they change only through the state machine and uploads.
/// </summary>
public static class ChecklistSheet
{
    public static (List<ChecklistRow> Rows, List<ImportIssue> Issues) Read(Stream file)
    {
        var issues = new List<ImportIssue>();
        var rows = new List<ChecklistRow>();
        ExcelTable table;
        try
        {
            table = ExcelTable.Read(file, ChecklistColumns.Required, ChecklistColumns.All);
        }
        catch (ExcelFormatException e)
        {
            issues.Add(new ImportIssue(null, null, e.Code, e.Message));
            return (rows, issues);
        }

        var numbers = new Dictionary<int, int>();
        foreach (var row in table.Rows)
        {
            var before = issues.Count;
            var number = 0;
            if (!ExcelValues.TryInt(row[ChecklistColumns.Number], out number) || number <= 0)
            {
                Add(issues, row.Number, ChecklistColumns.Number, DomainErrorCodes.ValueNotInteger, row.Text(ChecklistColumns.Number));
            }
            else if (numbers.TryGetValue(number, out var first))
            {
                Add(issues, row.Number, ChecklistColumns.Number, DomainErrorCodes.ChecklistNumberDuplicate, number, first);
            }
            else
            {
                numbers[number] = row.Number;
            }

            if (!SeparationCategoryNames.TryParse(row.Text(ChecklistColumns.Category), out var category))
            {
                Add(issues, row.Number, ChecklistColumns.Category, DomainErrorCodes.ValueNotInList,
                    row.Text(ChecklistColumns.Category), SeparationCategoryNames.AllDisplayed());
            }

            var title = row.Text(ChecklistColumns.Title);
            if (title is null)
            {
                Add(issues, row.Number, ChecklistColumns.Title, DomainErrorCodes.FieldRequired, ChecklistColumns.Title);
            }

            DateOnly? deadline = null;
            if (row.Text(ChecklistColumns.Deadline) is { } deadlineText)
            {
                if (ExcelValues.TryDate(row[ChecklistColumns.Deadline], out var d))
                {
                    deadline = d;
                }
                else
                {
                    Add(issues, row.Number, ChecklistColumns.Deadline, DomainErrorCodes.ValueNotDate, deadlineText);
                }
            }

            if (issues.Count == before)
            {
                var departments = (row.Text(ChecklistColumns.ReviewingDepartments) ?? "")
                    .Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                rows.Add(new ChecklistRow(row.Number, number, category, row.Text(ChecklistColumns.ItemCode), title!,
                    row.Text(ChecklistColumns.SituationBefore), row.Text(ChecklistColumns.SeparationMeasure), deadline,
                    row.Text(ChecklistColumns.ResponsibleUnit), row.Text(ChecklistColumns.ResponsiblePerson), departments));
            }
        }

        if (table.Rows.Count == 0)
        {
            issues.Add(new ImportIssue(null, null, DomainErrorCodes.ExcelNoRows, DomainText.Get(DomainErrorCodes.ExcelNoRows)));
        }

        return (rows, issues);
    }

    /// <summary>Writes rows in the template's column order; <paramref name="departmentNames"/> maps codes to names.</summary>
    public static Task WriteAsync(Stream output, IEnumerable<ChecklistItem> items, IReadOnlyDictionary<string, string> departmentNames,
        CancellationToken cancellationToken = default)
    {
        var rows = items.OrderBy(i => i.Number).Select(i => new Dictionary<string, object?>
        {
            [ChecklistColumns.Number] = i.Number,
            [ChecklistColumns.Category] = SeparationCategoryNames.Display(i.Category),
            [ChecklistColumns.ItemCode] = i.ItemCode,
            [ChecklistColumns.Title] = i.Title,
            [ChecklistColumns.SituationBefore] = i.SituationBefore,
            [ChecklistColumns.SeparationMeasure] = i.SeparationMeasure,
            [ChecklistColumns.Deadline] = i.Deadline?.ToString("yyyy-MM-dd"),
            [ChecklistColumns.ResponsibleUnit] = i.ResponsibleUnit,
            [ChecklistColumns.ResponsiblePerson] = i.ResponsiblePerson,
            [ChecklistColumns.ReviewingDepartments] = string.Join("、",
                i.ReviewingDepartmentCodes.Select(c => departmentNames.TryGetValue(c, out var n) ? n : c)),
            [ChecklistColumns.Evidence] = i.EvidenceDocumentIds.Count == 0 ? null : i.EvidenceDocumentIds.Count + " 份",
            [ChecklistColumns.Status] = ChecklistItemStateMachine.Display(i.Status),
            [ChecklistColumns.ReviewOpinion] = i.ReviewOpinion,
        }).Select(r => r.ToDictionary(kv => kv.Key, kv => FormulaEscaper.EscapeCell(kv.Value))).ToList();
        if (rows.Count == 0)
        {
            rows.Add(ChecklistColumns.All.ToDictionary(c => c, _ => (object?)null));
        }

        return output.SaveAsAsync(rows, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    private static void Add(List<ImportIssue> issues, int row, string column, string code, params object?[] args) =>
        issues.Add(new ImportIssue(row, column, code, DomainText.Get(code, args)));
}
