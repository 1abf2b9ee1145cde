using Decoupling.Application.Access;
using Decoupling.Application.People;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seals;
using Decoupling.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Endpoints.Documents;

/// <summary>
/// Documents: upload (checked by content and size by the domain), download, versions, seals. A document belongs to a
/// department or an association; whoever may see that owner may read it, the leading group reads all.
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/api/documents").RequireAuthorization(Policies.SignedIn).WithTags("文件");

        documents.MapPost("/", async (HttpRequest request, HttpContext http, ActorResolver actors, PlatformDbContext db, DocumentService service, DocumentOptions options, DocumentType? type, Guid? associationId) =>
        {
            var actor = await actors.ForAsync(http.User);
            var account = actor.Account;
            Guid? ownerAssociation = null;
            Guid? ownerDepartment = account.DepartmentId;
            if (associationId is { } id)
            {
                if (await AssociationAccess.Of(actor).FindAsync(db, id) is null)
                {
                    return Results.NotFound();
                }

                ownerAssociation = id;
                ownerDepartment = null;
            }
            else if (account.AssociationId is { } own)
            {
                ownerAssociation = own;
            }

            var (content, fileName) = await Upload.NamedFileAsync(request, options.MaxBytes);
            var record = await service.UploadAsync(content, new DocumentUpload(fileName, type ?? DocumentType.Evidence, account.UserName!, ownerDepartment, ownerAssociation));
            return Results.Created($"/api/documents/{record.Id}", record);
        }).DisableAntiforgery();

        documents.MapGet("/{id:guid}", (Guid id, HttpContext http, ActorResolver actors, PlatformDbContext db, DocumentService service) =>
            OnReadableAsync(id, http, actors, db, async record =>
            {
                var (_, content) = await service.OpenAsync(id);
                return Results.File(content, record.ContentType, record.FileName);
            }));

        documents.MapGet("/{id:guid}/versions", (Guid id, HttpContext http, ActorResolver actors, PlatformDbContext db, DocumentService service) =>
            OnReadableAsync(id, http, actors, db, async _ => Results.Ok(await service.HistoryAsync(id))));

        documents.MapPost("/{id:guid}/seal", (Guid id, HttpContext http, ActorResolver actors, PlatformDbContext db, SealService seals) =>
            OnReadableAsync(id, http, actors, db, async _ => Results.Ok(await seals.ConfirmAsync(id, (await actors.ForAsync(http.User)).Account.Id))));

        documents.MapGet("/{id:guid}/seal/verify", (Guid id, HttpContext http, ActorResolver actors, PlatformDbContext db, SealService seals) =>
            OnReadableAsync(id, http, actors, db, async _ => Results.Ok(await seals.VerifyAsync(id))));
        return endpoints;
    }

    private static async Task<IResult> OnReadableAsync(Guid id, HttpContext http, ActorResolver actors, PlatformDbContext db, Func<DocumentRecord, Task<IResult>> action)
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        if (record is null)
        {
            return Results.NotFound();
        }

        var actor = await actors.ForAsync(http.User);
        var scope = AssociationAccess.Of(actor);
        var account = actor.Account;
        var readable = scope.District
            || (record.OwnerDepartmentId is { } department && department == account.DepartmentId)
            || (record.OwnerAssociationId is { } association && await scope.FindAsync(db, association) is not null);
        if (!readable && record.OwnerAssociationId is { } owner && account?.DepartmentId is { } reviewerDepartment)
        {
            // a reviewing department reads the evidence of the items it reviews
            var code = await db.Departments.Where(d => d.Id == reviewerDepartment).Select(d => d.Code).FirstOrDefaultAsync();
            var items = await db.ChecklistItems.AsNoTracking().Where(i => db.Checklists.Any(c => c.Id == i.ChecklistId && c.AssociationId == owner)).ToListAsync();
            readable = code is not null && items.Any(i => i.EvidenceDocumentIds.Contains(id) && i.ReviewingDepartmentCodes.Contains(code));
        }

        return readable ? await action(record) : Results.NotFound();
    }
}
