namespace Decoupling.Domain.Matters;

/// <summary>One case handled at the window, with its time limits and the visits it cost the applicant.</summary>
public class Matter
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public MatterCategory Category { get; set; }

    /// <summary>The association concerned; null for a founding registration until the new entry exists.</summary>
    public Guid? AssociationId { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>Limit set by regulation, in calendar days (e.g. 30 for a change registration).</summary>
    public int StatutoryLimitDays { get; set; }

    /// <summary>The shorter limit the window promises, in working days.</summary>
    public int PromisedLimitWorkingDays { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly StatutoryDueOn { get; set; }

    public DateOnly PromisedDueOn { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>Times the applicant had to come in person; the target is zero (零上门).</summary>
    public int InPersonVisits { get; set; }

    /// <summary>全程代办: an officer handles the whole case for the applicant.</summary>
    public bool HandledOnBehalf { get; set; }

    public string? AgentUserId { get; set; }

    /// <summary>How the application came in: online, desk (the applicant came to the window) or agent (全程代办).</summary>
    public string Channel { get; set; } = "online";

    public MatterState State { get; set; }

    public string? Decision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
