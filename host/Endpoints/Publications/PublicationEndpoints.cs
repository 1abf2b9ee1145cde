using Decoupling.Application.People;
using Decoupling.Application.Publications;
using Decoupling.Domain.Documents;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Publications;

/// <summary>
/// 通知公告 and 政策解读 (R25) through <see cref="PublicationBoard"/>, which decides who may publish, see, follow reads and
/// remind: my list, one publication (opening it records my association's read), publishing with attachments, read
/// figures, 催阅.
/// </summary>
public static class PublicationEndpoints
{
    public static IEndpointRouteBuilder MapPublicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var publications = endpoints.MapGroup("/api/publications").RequireAuthorization(Policies.SignedIn).WithTags("通知公告");

        publications.MapGet("/", async (HttpContext http, ActorResolver actors, PublicationBoard board) =>
            Results.Ok(await board.ListAsync(await actors.ForAsync(http.User), http.RequestAborted)));

        publications.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActorResolver actors, PublicationBoard board) =>
            Results.Ok(await board.OpenAsync(await actors.ForAsync(http.User), id, http.RequestAborted)));

        publications.MapPost("/", async (HttpRequest request, HttpContext http, ActorResolver actors, PublicationBoard board, DocumentOptions options) =>
        {
            var actor = await actors.ForAsync(http.User);
            // refuse a non-publisher before buffering a form with attachments it may not post
            PublicationBoard.RequirePublisher(actor);
            var draft = await PublicationForm.ReadAsync(request, options.MaxBytes);
            var publication = await board.PublishAsync(actor, draft, http.RequestAborted);
            return Results.Created($"/api/publications/{publication.Id}", publication);
        }).DisableAntiforgery();

        publications.MapGet("/{id:guid}/reads", async (Guid id, HttpContext http, ActorResolver actors, PublicationBoard board) =>
            Results.Ok(await board.ReadsAsync(await actors.ForAsync(http.User), id, http.RequestAborted)));

        publications.MapPost("/{id:guid}/remind", async (Guid id, HttpContext http, ActorResolver actors, PublicationBoard board) =>
            Results.Ok(await board.RemindAsync(await actors.ForAsync(http.User), id, http.RequestAborted)));
        return endpoints;
    }
}
