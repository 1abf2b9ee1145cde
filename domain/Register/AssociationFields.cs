namespace Decoupling.Domain.Register;

/// <summary>The editable fields of an association, as the API and the spreadsheet import hand them over.</summary>
public sealed record AssociationFields
{
    public string Name { get; init; } = "";

    public string? CreditCode { get; init; }

    public string? Address { get; init; }

    public string? LegalRepresentative { get; init; }

    public string? BusinessScope { get; init; }

    public Guid? SupervisoryUnitId { get; init; }

    public int? MemberCount { get; init; }

    public int? FullTimeStaff { get; init; }

    public decimal? AssetsTenThousandYuan { get; init; }

    public decimal? OfficeSpaceSquareMetres { get; init; }

    public decimal? FiscalAppropriationTenThousandYuan { get; init; }

    public string? PartyOrganisation { get; init; }

    public int ServingOfficialsHoldingPosts { get; init; }

    public int RetiredOfficialsHoldingPosts { get; init; }

    public string? Industry { get; init; }

    public DateOnly? FoundedOn { get; init; }

    public RegistrationStatus Status { get; init; }

    public DecouplingOutcome Outcome { get; init; }

    public string? OutcomeReason { get; init; }

    public string? CertificateNumber { get; init; }

    public bool Exempt { get; init; }

    public string? ExemptReason { get; init; }

    public static AssociationFields From(Association a) => new()
    {
        Name = a.Name, CreditCode = a.CreditCode, Address = a.Address, LegalRepresentative = a.LegalRepresentative,
        BusinessScope = a.BusinessScope, SupervisoryUnitId = a.SupervisoryUnitId, MemberCount = a.MemberCount,
        FullTimeStaff = a.FullTimeStaff, AssetsTenThousandYuan = a.AssetsTenThousandYuan,
        OfficeSpaceSquareMetres = a.OfficeSpaceSquareMetres,
        FiscalAppropriationTenThousandYuan = a.FiscalAppropriationTenThousandYuan, PartyOrganisation = a.PartyOrganisation,
        ServingOfficialsHoldingPosts = a.ServingOfficialsHoldingPosts, RetiredOfficialsHoldingPosts = a.RetiredOfficialsHoldingPosts,
        Industry = a.Industry, FoundedOn = a.FoundedOn, Status = a.Status, Outcome = a.Outcome, OutcomeReason = a.OutcomeReason,
        CertificateNumber = a.CertificateNumber, Exempt = a.Exempt, ExemptReason = a.ExemptReason,
    };

    public void ApplyTo(Association a)
    {
        a.Name = Name.Trim();
        a.CreditCode = string.IsNullOrWhiteSpace(CreditCode) ? null : UnifiedSocialCreditCode.Normalize(CreditCode);
        a.Address = Address;
        a.LegalRepresentative = LegalRepresentative;
        a.BusinessScope = BusinessScope;
        a.SupervisoryUnitId = SupervisoryUnitId;
        a.MemberCount = MemberCount;
        a.FullTimeStaff = FullTimeStaff;
        a.AssetsTenThousandYuan = AssetsTenThousandYuan;
        a.OfficeSpaceSquareMetres = OfficeSpaceSquareMetres;
        a.FiscalAppropriationTenThousandYuan = FiscalAppropriationTenThousandYuan;
        a.PartyOrganisation = PartyOrganisation;
        a.ServingOfficialsHoldingPosts = ServingOfficialsHoldingPosts;
        a.RetiredOfficialsHoldingPosts = RetiredOfficialsHoldingPosts;
        a.Industry = Industry;
        a.FoundedOn = FoundedOn;
        a.Status = Status;
        a.Outcome = Outcome;
        a.OutcomeReason = OutcomeReason;
        a.CertificateNumber = CertificateNumber;
        a.Exempt = Exempt;
        a.ExemptReason = Exempt ? ExemptReason : null;
    }
}
