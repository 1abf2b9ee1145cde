using System.Globalization;
using System.Text;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// An ISO 8601 duration kept in its calendar parts: years and months are not a fixed number of days, so they are added
/// to a date by the calendar (one month after 31 January is the end of February), never converted to a TimeSpan.
/// Weeks are stored as days (P2W = 14 days); hours, minutes and seconds go into <see cref="Time"/>.
/// </summary>
/// <example><code>IsoTimer.TryParseDuration("P1M", out var d); d.AddTo(jan31) // -> 28 or 29 February</code></example>
public readonly record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    /// <summary>Adds the parts largest first (years, months, days, then time), as java.time and Camunda do.</summary>
    public DateTimeOffset AddTo(DateTimeOffset instant) =>
        instant.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    /// <summary>The ISO 8601 text of this duration, e.g. P1Y2M3DT4H5M6S; PT0S when zero.</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0S";
        }

        var text = new StringBuilder("P");
        if (Years != 0) text.Append(CultureInfo.InvariantCulture, $"{Years}Y");
        if (Months != 0) text.Append(CultureInfo.InvariantCulture, $"{Months}M");
        if (Days != 0) text.Append(CultureInfo.InvariantCulture, $"{Days}D");
        if (Time != TimeSpan.Zero)
        {
            text.Append('T');
            var hours = (long)Math.Floor(Time.TotalHours);
            if (hours != 0) text.Append(CultureInfo.InvariantCulture, $"{hours}H");
            if (Time.Minutes != 0) text.Append(CultureInfo.InvariantCulture, $"{Time.Minutes}M");
            var seconds = Time.Seconds + (Time.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond;
            if (seconds != 0) text.Append(CultureInfo.InvariantCulture, $"{seconds}S");
        }

        return text.ToString();
    }
}
