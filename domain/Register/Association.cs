namespace Decoupling.Domain.Register;

/// <summary>One industry association or chamber of commerce in the district register (全面摸清现状).</summary>
public class Association
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>统一社会信用代码; empty only for an association that never registered.</summary>
    public string? CreditCode { get; set; }

    public string? Address { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? BusinessScope { get; set; }

    public Guid? SupervisoryUnitId { get; set; }

    public int? MemberCount { get; set; }

    public int? FullTimeStaff { get; set; }

    /// <summary>Total assets in 万元 (ten thousand yuan), as the statistical forms count them.</summary>
    public decimal? AssetsTenThousandYuan { get; set; }

    public decimal? OfficeSpaceSquareMetres { get; set; }

    /// <summary>Annual fiscal appropriation in 万元; to be phased out by decoupling.</summary>
    public decimal? FiscalAppropriationTenThousandYuan { get; set; }

    /// <summary>Party organisation as written by the association (e.g. 独立党支部, 联合党支部, 无).</summary>
    public string? PartyOrganisation { get; set; }

    public int ServingOfficialsHoldingPosts { get; set; }

    public int RetiredOfficialsHoldingPosts { get; set; }

    public string? Industry { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public RegistrationStatus Status { get; set; }

    public DecouplingOutcome Outcome { get; set; }

    public string? OutcomeReason { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary>Outside the decoupling's scope (R3), with its reason; an exempt association counts nowhere in the totals.</summary>
    public bool Exempt { get; set; }

    public string? ExemptReason { get; set; }

    public bool InScope => !Exempt;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two people editing the same record cannot silently overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
