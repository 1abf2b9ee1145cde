using Decoupling.Application.Notifications;
using Decoupling.Application.People;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Notifications;

/// <summary>
/// My notices through <see cref="NoticeInbox"/>, which decides what is mine (to me or my department) and keeps my read
/// state apart from my colleagues': the list (newest first, <c>unread</c>, <c>skip</c>, <c>take</c>), the unread count,
/// marking one read (someone else's answers 404) and marking all read.
/// </summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var notices = endpoints.MapGroup("/api/notifications").RequireAuthorization(Policies.SignedIn).WithTags("通知");

        notices.MapGet("/", async (HttpContext http, ActorResolver actors, NoticeInbox inbox, bool? unread, int? skip, int? take) =>
        {
            var list = await inbox.ListAsync(await actors.ForAsync(http.User), unread ?? false, skip ?? 0, take ?? 50, http.RequestAborted);
            // the list stays a plain array (as before); how many match in all rides in a header for paging clients
            http.Response.Headers["X-Total-Count"] = list.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(list.Items);
        });

        notices.MapGet("/unread-count", async (HttpContext http, ActorResolver actors, NoticeInbox inbox) =>
            Results.Ok(new { unread = await inbox.UnreadCountAsync(await actors.ForAsync(http.User), http.RequestAborted) }));

        notices.MapPost("/{id:guid}/read", async (Guid id, HttpContext http, ActorResolver actors, NoticeInbox inbox) =>
        {
            await inbox.MarkReadAsync(await actors.ForAsync(http.User), id, http.RequestAborted);
            return Results.NoContent();
        });

        notices.MapPost("/read-all", async (HttpContext http, ActorResolver actors, NoticeInbox inbox) =>
            Results.Ok(new { marked = await inbox.MarkAllReadAsync(await actors.ForAsync(http.User), http.RequestAborted) }));
        return endpoints;
    }
}
