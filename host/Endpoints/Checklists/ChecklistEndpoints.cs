using Decoupling.Application.Checklists;
using Decoupling.Application.People;
using Decoupling.Domain.Checklists;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Checklists;

/// <summary>
/// An association's checklist, through the application layer: read by whoever may see the association; written and
/// moved by the association's staff and its supervisory unit within their parts (the association self-checks, the unit
/// verifies or returns; review states are the flow's); an association the caller may not see answers 404.
/// </summary>
public static class ChecklistEndpoints
{
    private const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapChecklistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var checklists = endpoints.MapGroup("/api/associations/{associationId:guid}/checklist").RequireAuthorization(Policies.SignedIn).WithTags("脱钩事项清单");

        checklists.MapGet("/", async (Guid associationId, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            (await operations.GetAsync(await actors.ForAsync(http.User), associationId)).Checklist is { } checklist ? Results.Ok(checklist) : Results.NotFound());

        checklists.MapPost("/", async (Guid associationId, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            Results.Ok(await operations.CreateAsync(await actors.ForAsync(http.User), associationId)));

        checklists.MapPut("/items/{itemId:guid}", async (Guid associationId, Guid itemId, ChecklistItemEdit edit, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            Results.Ok(await operations.UpdateItemAsync(await actors.ForAsync(http.User), associationId, itemId, edit)));

        checklists.MapPost("/items/{itemId:guid}/move", async (Guid associationId, Guid itemId, MoveRequest body, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            Results.Ok(await operations.MoveAsync(await actors.ForAsync(http.User), associationId, itemId, body.To, body.Opinion)));

        checklists.MapPost("/items/{itemId:guid}/evidence/{documentId:guid}", async (Guid associationId, Guid itemId, Guid documentId, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            Results.Ok(await operations.AttachEvidenceAsync(await actors.ForAsync(http.User), associationId, itemId, documentId)));

        checklists.MapPost("/seal", async (Guid associationId, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            Results.Ok(await operations.SealAsync(await actors.ForAsync(http.User), associationId)));

        checklists.MapGet("/seals", async (Guid associationId, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
        {
            var (seals, intact) = await operations.SealsAsync(await actors.ForAsync(http.User), associationId);
            return Results.Ok(new { seals, intact });
        });

        checklists.MapGet("/export", async (Guid associationId, HttpContext http, ActorResolver actors, ChecklistOperations operations) =>
            Results.File(await operations.ExportAsync(await actors.ForAsync(http.User), associationId),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "checklist.xlsx"));

        checklists.MapPost("/import", async (Guid associationId, HttpRequest request, HttpContext http, ActorResolver actors, ChecklistOperations operations, bool? dryRun) =>
        {
            var report = await operations.ImportAsync(await actors.ForAsync(http.User), associationId, await Upload.SingleFileAsync(request, MaxUploadBytes), dryRun ?? false);
            return report.IsValid ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }).DisableAntiforgery();
        return endpoints;
    }

    public sealed record MoveRequest(ChecklistItemStatus To, string? Opinion);
}
