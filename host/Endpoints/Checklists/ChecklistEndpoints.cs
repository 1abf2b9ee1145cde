using Decoupling.Domain.Checklists;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Endpoints.Checklists;

/// <summary>
/// An association's checklist. Read by whoever may see the association; edited and moved by the association's staff
/// and its supervisory unit (and the leading group); review states are the item-review flow's.
/// </summary>
public static class ChecklistEndpoints
{
    private const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapChecklistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var checklists = endpoints.MapGroup("/api/associations/{associationId:guid}/checklist").RequireAuthorization(Policies.SignedIn).WithTags("脱钩事项清单");

        checklists.MapGet("/", (Guid associationId, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service) =>
            OnAssociationAsync(associationId, http, users, db, false, async () =>
                await service.GetAsync(associationId) is { } checklist ? Results.Ok(checklist) : Results.NotFound()));

        checklists.MapPost("/", (Guid associationId, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service) =>
            OnAssociationAsync(associationId, http, users, db, true, async () => Results.Ok(await service.CreateFromTemplateAsync(associationId))));

        checklists.MapPut("/items/{itemId:guid}", (Guid associationId, Guid itemId, ChecklistItemEdit edit, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service) =>
            OnItemAsync(associationId, itemId, http, users, db, async () => Results.Ok(await service.UpdateItemAsync(itemId, edit))));

        checklists.MapPost("/items/{itemId:guid}/move", (Guid associationId, Guid itemId, MoveRequest body, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service) =>
            OnItemAsync(associationId, itemId, http, users, db, async () => Results.Ok(await service.MoveAsync(itemId, body.To, body.Opinion))));

        checklists.MapPost("/items/{itemId:guid}/evidence/{documentId:guid}", (Guid associationId, Guid itemId, Guid documentId, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service) =>
            OnItemAsync(associationId, itemId, http, users, db, async () =>
            {
                // only a document of this association may serve as its evidence
                if (!db.Documents.Any(d => d.Id == documentId && d.OwnerAssociationId == associationId))
                {
                    return Results.NotFound();
                }

                return Results.Ok(await service.AttachEvidenceAsync(itemId, documentId));
            }));

        checklists.MapGet("/export", (Guid associationId, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service) =>
            OnAssociationAsync(associationId, http, users, db, false, async () =>
            {
                var file = new MemoryStream();
                await service.ExportAsync(associationId, file);
                file.Position = 0;
                return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "checklist.xlsx");
            }));

        checklists.MapPost("/import", (Guid associationId, HttpRequest request, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, ChecklistService service, bool? dryRun) =>
            OnAssociationAsync(associationId, http, users, db, true, async () =>
            {
                var report = await service.ImportAsync(associationId, await Upload.SingleFileAsync(request, MaxUploadBytes), dryRun ?? false);
                return report.IsValid ? Results.Ok(report) : Results.UnprocessableEntity(report);
            })).DisableAntiforgery();
        return endpoints;
    }

    public sealed record MoveRequest(ChecklistItemStatus To, string? Opinion);

    private static async Task<IResult> OnAssociationAsync(Guid associationId, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, bool write, Func<Task<IResult>> action)
    {
        var scope = await AssociationScope.ForAsync(http.User, users);
        if (await scope.FindAsync(db, associationId) is null)
        {
            return Results.NotFound();
        }

        // auditors, evaluators and the registration window read; they do not fill in or verify checklists
        var mayWrite = http.User.IsInRole(PlatformRoles.AssociationStaff) || http.User.IsInRole(PlatformRoles.SupervisoryUnit)
            || http.User.IsInRole(PlatformRoles.LeadingGroup);
        return write && !mayWrite ? Results.Forbid() : await action();
    }

    private static Task<IResult> OnItemAsync(Guid associationId, Guid itemId, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, Func<Task<IResult>> action) =>
        OnAssociationAsync(associationId, http, users, db, true, () =>
            db.ChecklistItems.Any(i => i.Id == itemId && db.Checklists.Any(c => c.Id == i.ChecklistId && c.AssociationId == associationId))
                ? action()
                : Task.FromResult(Results.NotFound()));
}
