using Decoupling.Domain.Departments;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Register;

/// <summary>Turns one spreadsheet row into <see cref="AssociationFields"/>, noting each cell it cannot read.</summary>
internal sealed class RegisterRowReader(ExcelRow row, IReadOnlyDictionary<string, Department> departments)
{
    public List<ImportIssue> Issues { get; } = [];

    public AssociationFields Read()
    {
        var status = Enum<RegistrationStatus>(RegisterColumns.Status, required: true);
        return new AssociationFields
        {
            Name = row.Text(RegisterColumns.Name) ?? "",
            CreditCode = row.Text(RegisterColumns.CreditCode),
            Address = row.Text(RegisterColumns.Address),
            LegalRepresentative = row.Text(RegisterColumns.LegalRepresentative),
            BusinessScope = row.Text(RegisterColumns.BusinessScope),
            SupervisoryUnitId = SupervisoryUnit(),
            MemberCount = Int(RegisterColumns.MemberCount),
            FullTimeStaff = Int(RegisterColumns.FullTimeStaff),
            AssetsTenThousandYuan = Decimal(RegisterColumns.Assets),
            OfficeSpaceSquareMetres = Decimal(RegisterColumns.OfficeSpace),
            FiscalAppropriationTenThousandYuan = Decimal(RegisterColumns.FiscalAppropriation),
            PartyOrganisation = row.Text(RegisterColumns.PartyOrganisation),
            ServingOfficialsHoldingPosts = Int(RegisterColumns.ServingOfficials) ?? 0,
            RetiredOfficialsHoldingPosts = Int(RegisterColumns.RetiredOfficials) ?? 0,
            Industry = row.Text(RegisterColumns.Industry),
            FoundedOn = Date(RegisterColumns.FoundedOn),
            Status = status ?? RegistrationStatus.Unregistered,
            Outcome = Enum<DecouplingOutcome>(RegisterColumns.Outcome, required: false) ?? DecouplingOutcome.None,
            OutcomeReason = row.Text(RegisterColumns.OutcomeReason),
            CertificateNumber = row.Text(RegisterColumns.CertificateNumber),
        };
    }

    private Guid? SupervisoryUnit()
    {
        var name = row.Text(RegisterColumns.SupervisoryUnit);
        if (name is null)
        {
            Add(RegisterColumns.SupervisoryUnit, DomainErrorCodes.FieldRequired, RegisterColumns.SupervisoryUnit);
            return null;
        }

        if (departments.TryGetValue(DepartmentDirectory.NormalizeName(name), out var department))
        {
            return department.Id;
        }

        Add(RegisterColumns.SupervisoryUnit, DomainErrorCodes.SupervisoryUnitUnknown, name);
        return null;
    }

    private int? Int(string column)
    {
        var value = row[column];
        if (row.Text(column) is null)
        {
            return null;
        }

        if (ExcelValues.TryInt(value, out var result))
        {
            return result;
        }

        Add(column, DomainErrorCodes.ValueNotInteger, row.Text(column));
        return null;
    }

    private decimal? Decimal(string column)
    {
        if (row.Text(column) is null)
        {
            return null;
        }

        if (ExcelValues.TryDecimal(row[column], out var result))
        {
            return result;
        }

        Add(column, DomainErrorCodes.ValueNotNumber, row.Text(column));
        return null;
    }

    private DateOnly? Date(string column)
    {
        if (row.Text(column) is null)
        {
            return null;
        }

        if (ExcelValues.TryDate(row[column], out var result))
        {
            return result;
        }

        Add(column, DomainErrorCodes.ValueNotDate, row.Text(column));
        return null;
    }

    private T? Enum<T>(string column, bool required)
        where T : struct, System.Enum
    {
        var text = row.Text(column);
        if (text is null)
        {
            if (required)
            {
                Add(column, DomainErrorCodes.FieldRequired, column);
            }

            return null;
        }

        if (RegisterLabels.TryParse<T>(text, out var value))
        {
            return value;
        }

        Add(column, DomainErrorCodes.ValueNotInList, text, RegisterLabels.Choices<T>());
        return null;
    }

    private void Add(string column, string code, params object?[] args) =>
        Issues.Add(new ImportIssue(row.Number, column, code, DomainText.Get(code, args)));
}
