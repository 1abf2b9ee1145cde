using Decoupling.Domain.Identity;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Endpoints.Notifications;

/// <summary>My notices (to me or my department) and marking them read; a notice of someone else answers 404.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var notices = endpoints.MapGroup("/api/notifications").RequireAuthorization(Policies.SignedIn).WithTags("通知");
        notices.MapGet("/", async (HttpContext http, UserManager<PlatformUser> users, NotificationService service, bool? unread) =>
        {
            var account = await users.GetUserAsync(http.User);
            return await service.ForUserAsync(account!.UserName!, account.DepartmentId, unread ?? false);
        });
        notices.MapPost("/{id:guid}/read", async (Guid id, HttpContext http, UserManager<PlatformUser> users, PlatformDbContext db, NotificationService service) =>
        {
            var account = await users.GetUserAsync(http.User);
            var mine = await db.Notifications.AnyAsync(n => n.Id == id && (n.RecipientUserId == account!.UserName || (account.DepartmentId != null && n.RecipientDepartmentId == account.DepartmentId)));
            if (!mine)
            {
                return Results.NotFound();
            }

            await service.MarkReadAsync(id);
            return Results.NoContent();
        });
        return endpoints;
    }
}
