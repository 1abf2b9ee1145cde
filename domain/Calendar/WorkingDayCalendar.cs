using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Calendar;

/// <summary>Builds <see cref="WorkingDays"/> from the calendar table.</summary>
public static class WorkingDayCalendar
{
    public static async Task<WorkingDays> LoadAsync(PlatformDbContext db, CancellationToken cancellationToken = default) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));
}
