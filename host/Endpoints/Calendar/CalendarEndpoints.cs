using Decoupling.Domain.Calendar;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Calendar;

/// <summary>
/// The holiday calendar: any signed-in user reads a year's holidays and make-up working days and computes a working-day
/// deadline; only the system administrator changes it.
/// </summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var calendar = endpoints.MapGroup("/api/calendar").RequireAuthorization(Policies.SignedIn).WithTags("节假日日历");
        calendar.MapGet("/", async (int? year, CalendarService service) =>
            await service.ListAsync(year ?? DateTime.UtcNow.AddHours(8).Year));
        // the deadline as every service computes it, from the calendar as it is now
        calendar.MapGet("/working-days", async (DateOnly from, int days, CalendarService service) =>
            Results.Ok(new { from, days, due = await service.AddWorkingDaysAsync(from, days) }));
        calendar.MapPost("/", async (CalendarDayEdit edit, CalendarService service) =>
        {
            var day = await service.AddAsync(edit);
            return Results.Created($"/api/calendar/{day.Date:yyyy-MM-dd}", day);
        }).RequireAuthorization(Policies.SystemAdministrators);
        calendar.MapPut("/{date}", async (DateOnly date, CalendarDayEdit edit, CalendarService service) =>
            Results.Ok(await service.UpdateAsync(date, edit))).RequireAuthorization(Policies.SystemAdministrators);
        calendar.MapDelete("/{date}", async (DateOnly date, CalendarService service) =>
        {
            await service.DeleteAsync(date);
            return Results.NoContent();
        }).RequireAuthorization(Policies.SystemAdministrators);
        return endpoints;
    }
}
