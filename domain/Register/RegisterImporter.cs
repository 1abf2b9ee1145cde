using Decoupling.Domain.Common;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Register;

/// <summary>
/// Imports new associations from a register spreadsheet. Columns are found by their Chinese headers, every row is
/// checked and every problem reported with row and column; if any row is bad nothing is written. A dry run only
/// reports. Duplicate credit codes, in the file or against the register, are errors.
/// </summary>
public sealed class RegisterImporter(PlatformDbContext db, TimeProvider time)
{
    public async Task<ImportReport> ImportAsync(Stream file, bool dryRun, CancellationToken cancellationToken = default)
    {
        ExcelTable table;
        try
        {
            table = ExcelTable.Read(file, RegisterColumns.Required, RegisterColumns.All);
        }
        catch (ExcelFormatException e)
        {
            return new ImportReport(dryRun, 0, 0, [new ImportIssue(null, null, e.Code, e.Message)]);
        }

        if (table.Rows.Count == 0)
        {
            return new ImportReport(dryRun, 0, 0,
                [new ImportIssue(null, null, DomainErrorCodes.ExcelNoRows, DomainText.Get(DomainErrorCodes.ExcelNoRows))]);
        }

        var departments = await new DepartmentDirectory(db).ByNameAsync(cancellationToken);
        var existing = await db.Associations.AsNoTracking().Where(a => a.CreditCode != null)
            .Select(a => new { a.CreditCode, a.Name }).ToDictionaryAsync(a => a.CreditCode!, a => a.Name, cancellationToken);
        var seen = new Dictionary<string, int>();
        var issues = new List<ImportIssue>();
        var parsed = new List<AssociationFields>(table.Rows.Count);

        foreach (var row in table.Rows)
        {
            var reader = new RegisterRowReader(row, departments);
            var fields = reader.Read();
            var rowIssues = reader.Issues;
            foreach (var error in AssociationRules.Check(fields))
            {
                var column = RegisterColumns.ByProperty[error.Field];
                // a cell that could not be parsed already has its issue; a second one about its empty value is noise
                if (!rowIssues.Any(i => i.Column == column))
                {
                    rowIssues.Add(new ImportIssue(row.Number, column, error.Code, error.Message));
                }
            }

            if (fields.CreditCode is { } raw && UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(raw)).IsValid)
            {
                var code = UnifiedSocialCreditCode.Normalize(raw);
                if (seen.TryGetValue(code, out var firstRow))
                {
                    rowIssues.Add(Issue(row.Number, RegisterColumns.CreditCode, DomainErrorCodes.CreditCodeDuplicateInFile, code, firstRow));
                }
                else
                {
                    seen[code] = row.Number;
                    if (existing.TryGetValue(code, out var holder))
                    {
                        rowIssues.Add(Issue(row.Number, RegisterColumns.CreditCode, DomainErrorCodes.CreditCodeDuplicateInRegister, code, holder));
                    }
                }
            }

            issues.AddRange(rowIssues);
            parsed.Add(fields);
        }

        if (issues.Count > 0 || dryRun)
        {
            return new ImportReport(dryRun, table.Rows.Count, 0, issues);
        }

        var now = Clock.Now(time);
        var associations = parsed.Select(fields =>
        {
            var association = new Association { CreatedAt = now, UpdatedAt = now };
            fields.ApplyTo(association);
            return association;
        }).ToList();

        // one SaveChanges is one transaction: all rows or none
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Associations.AddRange(associations);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var association in associations)
            {
                db.Entry(association).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new ImportReport(false, table.Rows.Count, associations.Count, []);
    }

    private static ImportIssue Issue(int row, string column, string code, params object?[] args) =>
        new(row, column, code, DomainText.Get(code, args));
}
