using Decoupling.Application.Documents;
using Decoupling.Application.People;
using Decoupling.Domain.Documents;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Documents;

/// <summary>
/// Documents: upload (checked by content and size by the domain), download, versions, seals. Who may read or write
/// which document is <see cref="DocumentAccess"/>'s, the same rule the pages use; a refused read answers as missing.
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/api/documents").RequireAuthorization(Policies.SignedIn).WithTags("文件");

        documents.MapPost("/", async (HttpRequest request, HttpContext http, ActorResolver actors, DocumentAccess access, DocumentOptions options, DocumentType? type, Guid? associationId) =>
        {
            var actor = await actors.ForAsync(http.User);
            var (content, fileName) = await Upload.NamedFileAsync(request, options.MaxBytes);
            var record = await access.UploadAsync(actor, associationId, content, fileName, type ?? DocumentType.Evidence, http.RequestAborted);
            return Results.Created($"/api/documents/{record.Id}", record);
        }).DisableAntiforgery();

        documents.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActorResolver actors, DocumentAccess access) =>
        {
            var (record, content) = await access.OpenAsync(await actors.ForAsync(http.User), id, http.RequestAborted);
            return Results.File(content, record.ContentType, record.FileName);
        });

        documents.MapGet("/{id:guid}/versions", async (Guid id, HttpContext http, ActorResolver actors, DocumentAccess access) =>
            Results.Ok(await access.HistoryAsync(await actors.ForAsync(http.User), id, http.RequestAborted)));

        documents.MapPost("/{id:guid}/versions", async (Guid id, HttpRequest request, HttpContext http, ActorResolver actors, DocumentAccess access, DocumentOptions options) =>
        {
            var actor = await actors.ForAsync(http.User);
            var (content, fileName) = await Upload.NamedFileAsync(request, options.MaxBytes);
            var record = await access.UploadVersionAsync(actor, id, content, fileName, http.RequestAborted);
            return Results.Created($"/api/documents/{record.Id}", record);
        }).DisableAntiforgery();

        documents.MapPost("/{id:guid}/seal", async (Guid id, HttpContext http, ActorResolver actors, DocumentAccess access) =>
            Results.Ok(await access.SealAsync(await actors.ForAsync(http.User), id, http.RequestAborted)));

        documents.MapGet("/{id:guid}/seal/verify", async (Guid id, HttpContext http, ActorResolver actors, DocumentAccess access) =>
            Results.Ok(await access.VerifySealsAsync(await actors.ForAsync(http.User), id, http.RequestAborted)));
        return endpoints;
    }
}
