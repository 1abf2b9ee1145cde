using System.Globalization;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Calendar;

/// <summary>
/// The administrator's holiday calendar: holidays and make-up working days by date. Nothing caches it: every working-day
/// computation loads it afresh (<see cref="WorkingDayCalendar"/>), so a change counts from the next request on.
/// </summary>
public sealed class CalendarService(PlatformDbContext db)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;
    public const int NameLength = 50;
    public const int MaxWorkingDays = 366;

    public async Task<IReadOnlyList<CalendarDay>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(Math.Clamp(year, 1, 9999), 1, 1);
        var to = from.AddYears(1);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date < to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    public async Task<CalendarDay> AddAsync(CalendarDayEdit edit, CancellationToken cancellationToken = default)
    {
        var errors = Validate(edit);
        if (edit.Date is { } date && errors.Count == 0
            && await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, cancellationToken) is { } existing)
        {
            errors.Add(new FieldError("date", DomainErrorCodes.CalendarDayDuplicate,
                DomainText.Get(DomainErrorCodes.CalendarDayDuplicate, Format(date), KindName(existing.Kind), existing.Name)));
        }

        ThrowIfAny(errors);
        var day = new CalendarDay { Date = edit.Date!.Value, Kind = edit.Kind!.Value, Name = edit.Name!.Trim() };
        db.CalendarDays.Add(day);
        await db.SaveChangesAsync(cancellationToken);
        return day;
    }

    /// <summary>Changes the kind or name of a listed day; the date is the key (delete and add to move a day).</summary>
    public async Task<CalendarDay> UpdateAsync(DateOnly date, CalendarDayEdit edit, CancellationToken cancellationToken = default)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.CalendarDayNotFound, Format(date));
        ThrowIfAny(Validate(edit with { Date = date }));
        day.Kind = edit.Kind!.Value;
        day.Name = edit.Name!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return day;
    }

    public async Task DeleteAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.CalendarDayNotFound, Format(date));
        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/>, on the calendar as it is now.</summary>
    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly from, int days, CancellationToken cancellationToken = default)
    {
        // a year of working days is more than any statutory limit; a bound keeps the day-by-day walk short
        if (days is < 0 or > MaxWorkingDays)
        {
            throw new DomainValidationException([new FieldError("days", DomainErrorCodes.CalendarDaysOutOfRange,
                DomainText.Get(DomainErrorCodes.CalendarDaysOutOfRange, MaxWorkingDays, days))]);
        }

        return (await WorkingDayCalendar.LoadAsync(db, cancellationToken)).Add(from, days);
    }

    public static string KindName(CalendarDayKind kind) => DomainText.Get("CALENDAR_KIND_" + kind);

    /// <summary>Every problem of the entry at once, each naming its field.</summary>
    private static List<FieldError> Validate(CalendarDayEdit edit)
    {
        var errors = new List<FieldError>();
        if (edit.Date is not { } date)
        {
            errors.Add(Required("date", "日期"));
        }
        else if (date.Year is < FirstYear or > LastYear)
        {
            errors.Add(new FieldError("date", DomainErrorCodes.CalendarDateOutOfRange,
                DomainText.Get(DomainErrorCodes.CalendarDateOutOfRange, FirstYear, LastYear, Format(date))));
        }

        if (edit.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(Required("kind", "类型"));
        }
        else if (kind == CalendarDayKind.MakeUpWorkday && edit.Date is { } workday && workday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            errors.Add(new FieldError("kind", DomainErrorCodes.CalendarMakeUpOnWeekday,
                DomainText.Get(DomainErrorCodes.CalendarMakeUpOnWeekday, Format(workday))));
        }

        if (string.IsNullOrWhiteSpace(edit.Name))
        {
            errors.Add(Required("name", "名称"));
        }
        else if (edit.Name.Trim().Length > NameLength)
        {
            errors.Add(new FieldError("name", DomainErrorCodes.FieldTooLong, DomainText.Get(DomainErrorCodes.FieldTooLong, "名称", NameLength)));
        }

        return errors;
    }

    private static FieldError Required(string field, string label) =>
        new(field, DomainErrorCodes.FieldRequired, DomainText.Get(DomainErrorCodes.FieldRequired, label));

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
