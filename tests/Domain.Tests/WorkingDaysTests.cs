using Decoupling.Domain.Calendar;
using Decoupling.Domain.Matters;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public class WorkingDaysTests
{
    [Fact]
    public async Task Working_days_skip_the_national_day_holiday_and_count_the_make_up_saturday()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var calendar = await WorkingDayCalendar.LoadAsync(db);

        // Wed 30 Sep 2026 + 1 -> Oct 1-7 are holidays -> Thu 8 Oct
        Assert.Equal(new DateOnly(2026, 10, 8), calendar.Add(new DateOnly(2026, 9, 30), 1));
        // Fri 9 Oct + 1 -> Sat 10 Oct is a make-up working day
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.Add(new DateOnly(2026, 10, 9), 1));
        // Fri 18 Sep + 1 -> Sun 20 Sep is a make-up working day
        Assert.Equal(new DateOnly(2026, 9, 20), calendar.Add(new DateOnly(2026, 9, 18), 1));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void Without_exceptions_weekends_are_skipped()
    {
        var calendar = new WorkingDays([]);

        Assert.Equal(new DateOnly(2026, 11, 30), calendar.Add(new DateOnly(2026, 11, 27), 1));
        Assert.Equal(new DateOnly(2026, 12, 4), calendar.Add(new DateOnly(2026, 11, 27), 5));
        Assert.Equal(new DateOnly(2026, 11, 27), calendar.Add(new DateOnly(2026, 11, 27), 0));
        Assert.Equal(5, calendar.Count(new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public async Task A_matter_received_before_spring_festival_is_promised_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var association = await db.Associations.FirstAsync();

        var matter = await new MatterService(db, TimeProvider.System).ReceiveAsync(
            MatterCategory.ChangeRegistration, association.Id, "变更业务主管单位", new DateOnly(2026, 2, 12), agentUserId: "registrar");

        // Thu 12 Feb: Fri 13, Sat 14 (make-up), then 15-23 holiday, Tue 24, Wed 25, Thu 26
        Assert.Equal(new DateOnly(2026, 2, 26), matter.PromisedDueOn);
        Assert.Equal(new DateOnly(2026, 3, 14), matter.StatutoryDueOn);
        Assert.Equal(0, matter.InPersonVisits);
        Assert.True(matter.HandledOnBehalf);
    }
}
