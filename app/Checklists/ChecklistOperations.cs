using Decoupling.Application.Access;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Register;
using Decoupling.Domain.Seals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Checklists;

/// <summary>
/// Every operation on an association's checklist, once: read, create from the template, write an item, move it,
/// attach evidence, seal the checklist, export and import. An association the actor may not see is answered as missing;
/// a move or write outside the actor's part (<see cref="ChecklistRules"/>) is refused.
/// </summary>
public sealed class ChecklistOperations(IServiceScopeFactory scopes)
{
    /// <summary>The actor's part for this association's checklist; null when they may not see the association at all.</summary>
    private static async Task<ChecklistRole?> RoleOfAsync(UseCaseScope scope, CaseActor actor, Association association, CancellationToken cancellationToken)
    {
        if (actor.IsIn(PlatformRoles.AssociationStaff) && actor.Account.AssociationId == association.Id)
        {
            return ChecklistRole.Association;
        }

        if (actor.IsIn(PlatformRoles.SupervisoryUnit) && actor.Department?.Id is { } unit && association.SupervisoryUnitId == unit)
        {
            return ChecklistRole.SupervisoryUnit;
        }

        // a unit reads, without acting on, the checklist of an association that left it by decoupling
        return await AssociationAccess.Of(actor).CoversAsync(scope.Db, association, cancellationToken) ? ChecklistRole.Reader : null;
    }

    public async Task<(Checklist? Checklist, ChecklistRole Role)> GetAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (_, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        return (await scope.Get<ChecklistService>().GetAsync(associationId, cancellationToken), role);
    }

    public async Task<Checklist> CreateAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (_, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        Require(role == ChecklistRole.SupervisoryUnit || actor.IsLeadership);
        return await scope.Get<ChecklistService>().CreateFromTemplateAsync(associationId, cancellationToken: cancellationToken);
    }

    public async Task<ChecklistItem> UpdateItemAsync(CaseActor actor, Guid associationId, Guid itemId, ChecklistItemEdit edit, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (_, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        var item = await ItemAsync(scope, associationId, itemId, cancellationToken);
        Require(ChecklistRules.MayEdit(role, item.Status));
        if (edit.ReviewingDepartmentCodes is not null && !ChecklistRules.MayRoute(role))
        {
            edit = edit with { ReviewingDepartmentCodes = null };
        }

        return await scope.Get<ChecklistService>().UpdateItemAsync(itemId, edit, cancellationToken);
    }

    public async Task<ChecklistItem> MoveAsync(CaseActor actor, Guid associationId, Guid itemId, ChecklistItemStatus to, string? reason,
        CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (_, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        var item = await ItemAsync(scope, associationId, itemId, cancellationToken);
        if (!ChecklistRules.MayMove(role, item.Status, to))
        {
            throw new AppException(AppErrors.ChecklistMoveForbidden, item.Number, ChecklistItemStateMachine.Display(item.Status),
                ChecklistItemStateMachine.Display(to), ChecklistRules.Why(role)) { Field = "to" };
        }

        return await scope.Get<ChecklistService>().MoveAsync(itemId, to, reason, cancellationToken, by: actor.Department?.Name ?? actor.Association?.Name);
    }

    public async Task<ChecklistItem> AttachEvidenceAsync(CaseActor actor, Guid associationId, Guid itemId, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (_, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        var item = await ItemAsync(scope, associationId, itemId, cancellationToken);
        Require(ChecklistRules.MayAttachEvidence(role, item.Status));

        // only a document of this association may serve as its evidence
        if (!await scope.Db.Documents.AnyAsync(d => d.Id == documentId && d.OwnerAssociationId == associationId, cancellationToken))
        {
            throw new AppException(AppErrors.AssociationNotVisible, documentId);
        }

        return await scope.Get<ChecklistService>().AttachEvidenceAsync(itemId, documentId, cancellationToken);
    }

    /// <summary>
    /// 盖章确认: the checklist as it stands is exported, stored as a document of the association and sealed by the actor's
    /// unit (the association or its supervisory unit). The confirmation tasks check these seals.
    /// </summary>
    public async Task<SealConfirmation> SealAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (association, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        if (role is not (ChecklistRole.Association or ChecklistRole.SupervisoryUnit))
        {
            throw new AppException(AppErrors.SealForbidden);
        }

        var file = new MemoryStream();
        await scope.Get<ChecklistService>().ExportAsync(associationId, file, cancellationToken);
        file.Position = 0;
        var now = scope.Get<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var record = await scope.Get<DocumentService>().UploadAsync(file,
            new DocumentUpload($"{ChecklistSeals.FilePrefix}{association.Name}-{now:yyyyMMddHHmmss}.xlsx", DocumentType.Other, actor.UserName, OwnerAssociationId: associationId),
            cancellationToken);
        return await scope.Get<SealService>().ConfirmAsync(record.Id, actor.Account.Id, cancellationToken);
    }

    public async Task<(IReadOnlyList<SealConfirmation> Seals, bool Intact)> SealsAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await AssociationAsync(scope, actor, associationId, cancellationToken);
        return await ChecklistSeals.LatestAsync(scope.Db, scope.Get<SealService>(), associationId, cancellationToken);
    }

    public async Task<MemoryStream> ExportAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await AssociationAsync(scope, actor, associationId, cancellationToken);
        var file = new MemoryStream();
        await scope.Get<ChecklistService>().ExportAsync(associationId, file, cancellationToken);
        file.Position = 0;
        return file;
    }

    public async Task<ImportReport> ImportAsync(CaseActor actor, Guid associationId, Stream file, bool dryRun, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var (_, role) = await AssociationAsync(scope, actor, associationId, cancellationToken);
        Require(role is ChecklistRole.Association or ChecklistRole.SupervisoryUnit);
        return await scope.Get<ChecklistService>().ImportAsync(associationId, file, dryRun, cancellationToken);
    }

    private static async Task<(Association Association, ChecklistRole Role)> AssociationAsync(UseCaseScope scope, CaseActor actor, Guid associationId,
        CancellationToken cancellationToken)
    {
        var association = await scope.Db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == associationId, cancellationToken);
        var role = association is null ? null : await RoleOfAsync(scope, actor, association, cancellationToken);
        return role is null ? throw new AppException(AppErrors.AssociationNotVisible, associationId) : (association!, role.Value);
    }

    private static async Task<ChecklistItem> ItemAsync(UseCaseScope scope, Guid associationId, Guid itemId, CancellationToken cancellationToken) =>
        await scope.Db.ChecklistItems.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == itemId && scope.Db.Checklists.Any(c => c.Id == i.ChecklistId && c.AssociationId == associationId), cancellationToken)
        ?? throw new AppException(AppErrors.AssociationNotVisible, itemId);

    private static void Require(bool allowed)
    {
        if (!allowed)
        {
            throw new AppException(AppErrors.ChecklistEditForbidden);
        }
    }
}
