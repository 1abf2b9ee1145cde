using System.Globalization;
using System.Text.RegularExpressions;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// ISO 8601 texts of BPMN timers: durations (timeDuration, P3D, PT1H30M, P1Y2M), repeating intervals
/// (timeCycle, R3/PT1H, R/P1D, R5/2025-01-01T09:00:00+08:00/P1D) and dates (timeDate, 2025-01-31T09:00:00+08:00).
/// Used by the parser to validate literal timers and by the runtime to compute due dates.
/// Expressions (${...}) are not handled here: evaluate them first, then parse the result.
/// </summary>
/// <example><code>
/// IsoTimer.TryParseCycle("R3/PT1H", out var repeat, out var every); // repeat = 3, every = 1 hour
/// var due = every.AddTo(now);
/// </code></example>
public static partial class IsoTimer
{
    // Sanity limits so that AddTo cannot leave the range of DateTimeOffset for any present-day instant.
    private const int MaxYears = 1000;
    private const int MaxMonths = MaxYears * 12;
    private const int MaxDays = MaxYears * 366;

    /// <summary>
    /// Parses PnYnMnWnDTnHnMnS (upper case, parts in this order, at least one part, a fraction only on seconds;
    /// a decimal comma is accepted as ISO allows). Negative durations are not accepted.
    /// </summary>
    public static bool TryParseDuration(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length < 3 || s[0] != 'P')
        {
            return false;
        }

        long years = 0, months = 0, days = 0, hours = 0, minutes = 0;
        decimal seconds = 0;
        var inTime = false;
        var lastDatePart = -1;
        var lastTimePart = -1;
        var i = 1;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime || i == s.Length - 1)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || s[i] == ','))
            {
                i++;
            }

            if (i == start || i == s.Length)
            {
                return false;
            }

            var number = s[start..i].Replace(',', '.');
            var unit = s[i++];
            var fractional = number.Contains('.');
            if (inTime)
            {
                var part = "HMS".IndexOf(unit, StringComparison.Ordinal);
                if (part <= lastTimePart || (fractional && unit != 'S'))
                {
                    return false;
                }

                lastTimePart = part;
                if (unit == 'S')
                {
                    if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds)
                        || number.StartsWith('.') || number.EndsWith('.'))
                    {
                        return false;
                    }
                }
                else if (!TryParseWhole(number, out var value))
                {
                    return false;
                }
                else if (unit == 'H')
                {
                    hours = value;
                }
                else
                {
                    minutes = value;
                }
            }
            else
            {
                var part = "YMWD".IndexOf(unit, StringComparison.Ordinal);
                if (part <= lastDatePart || fractional || !TryParseWhole(number, out var value))
                {
                    return false;
                }

                lastDatePart = part;
                switch (unit)
                {
                    case 'Y': years = value; break;
                    case 'M': months = value; break;
                    case 'W': days += value * 7; break;
                    default: days += value; break;
                }
            }
        }

        if (years > MaxYears || months > MaxMonths || days > MaxDays)
        {
            return false;
        }

        var totalSeconds = (hours * 3600m) + (minutes * 60m) + seconds;
        if (totalSeconds > MaxDays * 86400m)
        {
            return false;
        }

        var time = TimeSpan.FromTicks((long)decimal.Round(totalSeconds * TimeSpan.TicksPerSecond));
        duration = new IsoDuration((int)years, (int)months, (int)days, time);
        return true;
    }

    /// <summary>
    /// Parses a repeating interval Rn/duration or R/duration (repetitions null = without end). The interval must not be
    /// zero and n must be at least 1. A cycle with a start date (Rn/start/duration) is refused here; use the overload
    /// with <c>start</c> to accept it.
    /// </summary>
    public static bool TryParseCycle(string? text, out int? repetitions, out IsoDuration interval)
    {
        if (TryParseCycle(text, out repetitions, out var start, out interval) && start is null)
        {
            return true;
        }

        repetitions = null;
        interval = default;
        return false;
    }

    /// <summary>Parses Rn/duration, R/duration or Rn/start/duration (start an ISO date-time, see <see cref="TryParseDate(string?, TimeZoneInfo, out DateTimeOffset)"/>).</summary>
    public static bool TryParseCycle(string? text, out int? repetitions, out DateTimeOffset? start, out IsoDuration interval)
    {
        repetitions = null;
        start = null;
        interval = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] != 'R')
        {
            return false;
        }

        if (parts[0].Length > 1)
        {
            if (!TryParseWhole(parts[0][1..], out var count) || count < 1 || count > int.MaxValue)
            {
                return false;
            }

            repetitions = (int)count;
        }

        if (parts.Length == 3)
        {
            if (!TryParseDate(parts[1], out var from))
            {
                repetitions = null;
                return false;
            }

            start = from;
        }

        if (!TryParseDuration(parts[^1], out interval) || interval.IsZero)
        {
            repetitions = null;
            start = null;
            interval = default;
            return false;
        }

        return true;
    }

    /// <summary>Parses an ISO date or date-time; a time without offset is read in the machine's local time zone.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset date) => TryParseDate(text, TimeZoneInfo.Local, out date);

    /// <summary>
    /// Parses yyyy-MM-dd, yyyy-MM-ddTHH:mm, yyyy-MM-ddTHH:mm:ss(.fffffff), each optionally followed by Z or ±HH:mm.
    /// A text without offset is a wall-clock time in <paramref name="zoneForLocalTimes"/>.
    /// </summary>
    public static bool TryParseDate(string? text, TimeZoneInfo zoneForLocalTimes, out DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(zoneForLocalTimes);
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DatePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var local = match.Groups["local"].Value;
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return false;
        }

        wallClock = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var zone = match.Groups["zone"].Value;
        TimeSpan offset;
        if (zone.Length == 0)
        {
            offset = zoneForLocalTimes.GetUtcOffset(wallClock);
        }
        else if (zone == "Z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }
        }

        try
        {
            date = new DateTimeOffset(wallClock, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>True when the text is an expression (${...} or #{...}) that the runtime evaluates before parsing.</summary>
    public static bool IsExpression(string? text) =>
        text is not null && (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal));

    private static bool TryParseWhole(string digits, out long value) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= int.MaxValue;

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?)(?<zone>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
