using Decoupling.Domain.Calendar;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Matters;

/// <summary>Receives window cases, computes their due dates on the holiday calendar and moves them through their states.</summary>
public sealed class MatterService(PlatformDbContext db, TimeProvider time)
{
    private static readonly Dictionary<MatterState, MatterState[]> Allowed = new()
    {
        [MatterState.Received] = [MatterState.InReview, MatterState.Withdrawn],
        [MatterState.InReview] = [MatterState.Approved, MatterState.Rejected, MatterState.Withdrawn],
        [MatterState.Approved] = [MatterState.Delivered],
        [MatterState.Rejected] = [],
        [MatterState.Delivered] = [],
        [MatterState.Withdrawn] = [],
    };

    public async Task<Matter> ReceiveAsync(
        MatterCategory category, Guid? associationId, string subject, DateOnly receivedOn,
        bool handledOnBehalf = true, string? agentUserId = null, int? statutoryDays = null, int? promisedWorkingDays = null,
        CancellationToken cancellationToken = default, string channel = "online")
    {
        if (associationId is not null && !await db.Associations.AnyAsync(a => a.Id == associationId, cancellationToken))
        {
            throw new DomainException(DomainErrorCodes.NotFound, "协会商会", associationId);
        }

        if (handledOnBehalf && string.IsNullOrWhiteSpace(agentUserId))
        {
            throw new DomainException(DomainErrorCodes.MatterAgentRequired);
        }

        var defaults = MatterLimits.Default(category);
        var calendar = await WorkingDayCalendar.LoadAsync(db, cancellationToken);
        var matter = new Matter
        {
            Category = category,
            AssociationId = associationId,
            Subject = subject,
            StatutoryLimitDays = statutoryDays ?? defaults.StatutoryDays,
            PromisedLimitWorkingDays = promisedWorkingDays ?? defaults.PromisedWorkingDays,
            ReceivedOn = receivedOn,
            HandledOnBehalf = handledOnBehalf,
            AgentUserId = agentUserId,
            Channel = channel,
            State = MatterState.Received,
            CreatedAt = Clock.Now(time),
        };
        matter.StatutoryDueOn = receivedOn.AddDays(matter.StatutoryLimitDays);
        matter.PromisedDueOn = calendar.Add(receivedOn, matter.PromisedLimitWorkingDays);
        db.Matters.Add(matter);
        await db.SaveChangesAsync(cancellationToken);
        return matter;
    }

    public async Task<Matter> MoveAsync(Guid matterId, MatterState to, string? decision = null, DateOnly? on = null,
        CancellationToken cancellationToken = default)
    {
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == matterId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "办件", matterId);
        if (!Allowed[matter.State].Contains(to))
        {
            throw new DomainException(DomainErrorCodes.MatterTransitionIllegal, matter.Subject, matter.State, to);
        }

        matter.State = to;
        if (to is MatterState.Approved or MatterState.Rejected)
        {
            matter.DecidedOn = on ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            matter.Decision = decision;
        }

        matter.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return matter;
    }

    /// <summary>Counts a visit the applicant had to make in person; every one is a miss against the zero target.</summary>
    public async Task RecordInPersonVisitAsync(Guid matterId, CancellationToken cancellationToken = default)
    {
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == matterId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "办件", matterId);
        matter.InPersonVisits++;
        matter.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }
}
