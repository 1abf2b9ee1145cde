using Decoupling.Application.Access;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Risks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Risks;

/// <summary>
/// 风险预案 (R24): the risks of an association's decoupling, each with the planned response and a level, recorded and
/// closed by the leading-group office or the association's supervisory unit. The association itself does not see them
/// (a plan about it is the authorities'); a reviewer sees none.
/// </summary>
public sealed class CaseRiskRegister(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Levels = ["一般", "较大", "重大"];

    private const int MaxText = 2000;

    public async Task<IReadOnlyList<CaseRisk>> ListAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await RequireResponsibleAsync(scope, actor, associationId, cancellationToken);
        return await scope.Db.CaseRisks.AsNoTracking().Where(r => r.AssociationId == associationId)
            .OrderBy(r => r.Closed).ThenByDescending(r => r.RecordedAt).ToListAsync(cancellationToken);
    }

    public async Task<CaseRisk> RecordAsync(CaseActor actor, Guid associationId, string? risk, string? response, string? level,
        CancellationToken cancellationToken = default)
    {
        var riskText = Required(risk, "风险情形");
        var responseText = Required(response, "应对措施");
        var levelText = string.IsNullOrWhiteSpace(level) ? Levels[0] : level.Trim();
        if (!Levels.Contains(levelText))
        {
            throw new AppException(AppErrors.RiskLevelUnknown, levelText, string.Join("、", Levels));
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await RequireResponsibleAsync(scope, actor, associationId, cancellationToken);
        var record = new CaseRisk
        {
            AssociationId = associationId, Risk = riskText, Response = responseText, Level = levelText,
            RecordedBy = actor.UserName, RecordedAt = time.GetUtcNow(),
        };
        scope.Db.CaseRisks.Add(record);
        await scope.Db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<CaseRisk> CloseAsync(CaseActor actor, Guid riskId, string? note, CancellationToken cancellationToken = default)
    {
        var noteText = Required(note, "处置结果");
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var record = await scope.Db.CaseRisks.FirstOrDefaultAsync(r => r.Id == riskId, cancellationToken)
            ?? throw new AppException(AppErrors.RiskNotFound, riskId);
        await RequireResponsibleAsync(scope, actor, record.AssociationId, cancellationToken);
        if (record.Closed)
        {
            throw new AppException(AppErrors.RiskAlreadyClosed, record.Risk);
        }

        record.Closed = true;
        record.ClosingNote = noteText;
        record.ClosedAt = time.GetUtcNow();
        await scope.Db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>The office for every association, a supervisory unit for its own; anyone else learns nothing about the association.</summary>
    private static async Task RequireResponsibleAsync(UseCaseScope scope, CaseActor actor, Guid associationId, CancellationToken cancellationToken)
    {
        var access = AssociationAccess.Of(actor);
        var association = await access.FindAsync(scope.Db, associationId, cancellationToken)
            ?? throw new AppException(AppErrors.AssociationNotVisible, associationId);
        if (!actor.IsLeadership && !(actor.SupervisoryUnitId is { } unit && association.SupervisoryUnitId == unit))
        {
            throw new AppException(AppErrors.RiskForbidden);
        }
    }

    private static string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AppException(AppErrors.RiskFieldRequired, field);
        }

        var text = value.Trim();
        return text.Length <= MaxText ? text : throw new AppException(AppErrors.RiskFieldTooLong, field, MaxText);
    }
}
