using Decoupling.Domain.Common;

namespace Decoupling.Domain.Calendar;

/// <summary>
/// Working-day arithmetic over a holiday calendar: Monday–Friday are working days unless listed as holidays;
/// weekend days listed as make-up workdays are working days.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;

    public WorkingDays(IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        _holidays = list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        _makeUpDays = list.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).ToHashSet();
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_makeUpDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);
    }

    /// <summary>
    /// The date <paramref name="n"/> working days after <paramref name="date"/>: the day of receipt does not count,
    /// so receiving on Friday with n = 1 gives the next working day. n = 0 gives the date itself.
    /// </summary>
    public DateOnly Add(DateOnly date, int n)
    {
        if (n < 0)
        {
            throw new DomainException(DomainErrorCodes.WorkingDaysNegative, n);
        }

        var current = date;
        while (n > 0)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                n--;
            }
        }

        return current;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int Count(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
