using Decoupling.Application.Access;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain;
using Decoupling.Domain.Common;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Register;

/// <summary>
/// The leading-group office keeps each register entry's scope (R3: in scope, or exempt with its reason) and its ties
/// with agencies (R4: 主办、主管、联系、挂靠, subordinate units included), ending them one by one. Every change is a row
/// of the register's history (scope) or carries who ended it and when (ties).
/// </summary>
public sealed class RegisterScopeOperations(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Only the leading-group office edits the register (as it alone imports it).</summary>
    public static bool MayEdit(CaseActor actor) => actor.IsLeadership && AssociationAccess.Of(actor).MayEditRegister;

    public async Task<Association> SetScopeAsync(CaseActor actor, Guid associationId, bool exempt, string? reason, CancellationToken cancellationToken = default)
    {
        RequireOffice(actor);
        if (exempt && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(DomainErrorCodes.FieldRequired, "不纳入脱钩范围的理由");
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var register = scope.Get<RegisterService>();
        var current = await register.GetAsync(associationId, cancellationToken);
        var fields = AssociationFields.From(current) with { Exempt = exempt, ExemptReason = exempt ? reason!.Trim() : null };
        return await register.UpdateAsync(associationId, fields, current.ConcurrencyStamp, cancellationToken);
    }

    public async Task<AssociationRelationship> AddRelationshipAsync(CaseActor actor, Guid associationId, RelationshipKind kind, string agency, bool subordinateUnit,
        CancellationToken cancellationToken = default)
    {
        RequireOffice(actor);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await scope.Get<RegisterService>().GetAsync(associationId, cancellationToken);
        return await scope.Get<RelationshipService>().AddAsync(associationId, kind, agency, subordinateUnit, cancellationToken);
    }

    /// <summary>Ends one tie today (district time), recording who ended it; a tie already ended stays as it was.</summary>
    public async Task<AssociationRelationship> EndRelationshipAsync(CaseActor actor, Guid relationshipId, CancellationToken cancellationToken = default)
    {
        RequireOffice(actor);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var relationship = await scope.Db.AssociationRelationships.FirstOrDefaultAsync(r => r.Id == relationshipId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "关联关系", relationshipId);
        if (relationship.EndedOn is null)
        {
            relationship.EndedOn = DateOnly.FromDateTime(Clock.Now(time).ToOffset(TimeSpan.FromHours(8)).DateTime);
            relationship.EndedBy = actor.Name;
            await scope.Db.SaveChangesAsync(cancellationToken);
        }

        return relationship;
    }

    private static void RequireOffice(CaseActor actor)
    {
        if (!MayEdit(actor))
        {
            throw new AppException(AppErrors.RegisterEditForbidden);
        }
    }
}
