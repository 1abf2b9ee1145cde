namespace Decoupling.Domain.Register;

/// <summary>The register spreadsheet's Chinese headers, in export order; import maps columns by these names.</summary>
public static class RegisterColumns
{
    public const string CreditCode = "统一社会信用代码";
    public const string Name = "名称";
    public const string Address = "住所";
    public const string LegalRepresentative = "法定代表人";
    public const string BusinessScope = "业务范围";
    public const string SupervisoryUnit = "业务主管单位";
    public const string MemberCount = "会员数";
    public const string FullTimeStaff = "专职人员数";
    public const string Assets = "资产（万元）";
    public const string OfficeSpace = "办公用房（平方米）";
    public const string FiscalAppropriation = "财政拨款（万元）";
    public const string PartyOrganisation = "党组织";
    public const string ServingOfficials = "现职公务员兼职";
    public const string RetiredOfficials = "退休干部兼职";
    public const string Industry = "行业";
    public const string FoundedOn = "成立日期";
    public const string Status = "登记状态";
    public const string Outcome = "脱钩状态";
    public const string OutcomeReason = "脱钩状态说明";
    public const string CertificateNumber = "登记证号";

    public static readonly IReadOnlyList<string> All =
    [
        CreditCode, Name, Address, LegalRepresentative, BusinessScope, SupervisoryUnit, MemberCount, FullTimeStaff,
        Assets, OfficeSpace, FiscalAppropriation, PartyOrganisation, ServingOfficials, RetiredOfficials, Industry,
        FoundedOn, Status, Outcome, OutcomeReason, CertificateNumber,
    ];

    /// <summary>A file without these columns is the wrong file, whatever its rows say.</summary>
    public static readonly IReadOnlyList<string> Required = [CreditCode, Name, SupervisoryUnit, Status];

    /// <summary>Header of each property, so field errors of the service read like the spreadsheet.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByProperty = new Dictionary<string, string>
    {
        [nameof(AssociationFields.CreditCode)] = CreditCode,
        [nameof(AssociationFields.Name)] = Name,
        [nameof(AssociationFields.Address)] = Address,
        [nameof(AssociationFields.LegalRepresentative)] = LegalRepresentative,
        [nameof(AssociationFields.BusinessScope)] = BusinessScope,
        [nameof(AssociationFields.SupervisoryUnitId)] = SupervisoryUnit,
        [nameof(AssociationFields.MemberCount)] = MemberCount,
        [nameof(AssociationFields.FullTimeStaff)] = FullTimeStaff,
        [nameof(AssociationFields.AssetsTenThousandYuan)] = Assets,
        [nameof(AssociationFields.OfficeSpaceSquareMetres)] = OfficeSpace,
        [nameof(AssociationFields.FiscalAppropriationTenThousandYuan)] = FiscalAppropriation,
        [nameof(AssociationFields.PartyOrganisation)] = PartyOrganisation,
        [nameof(AssociationFields.ServingOfficialsHoldingPosts)] = ServingOfficials,
        [nameof(AssociationFields.RetiredOfficialsHoldingPosts)] = RetiredOfficials,
        [nameof(AssociationFields.Industry)] = Industry,
        [nameof(AssociationFields.FoundedOn)] = FoundedOn,
        [nameof(AssociationFields.Status)] = Status,
        [nameof(AssociationFields.Outcome)] = Outcome,
        [nameof(AssociationFields.OutcomeReason)] = OutcomeReason,
        [nameof(AssociationFields.CertificateNumber)] = CertificateNumber,
    };
}
