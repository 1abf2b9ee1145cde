using System.Globalization;
using System.Text.RegularExpressions;

namespace Decoupling.Host.Jobs;

/// <summary>
/// A job's schedule as the office reads it (每 15 分钟, 每周一 08:00, 每月 1 日 03:00), from the cron the operator set in
/// <see cref="JobsOptions"/>; a form it does not know is shown as written rather than guessed at.
/// </summary>
public static partial class CronText
{
    private static readonly string[] Weekdays = ["日", "一", "二", "三", "四", "五", "六", "日"];

    public static string Describe(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"按计划 {cron}";
        }

        var (minute, hour, day, month, weekday) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        if (month != "*")
        {
            return $"按计划 {cron}";
        }

        if (hour == "*" && day == "*" && weekday == "*")
        {
            if (minute == "*")
            {
                return "每分钟";
            }

            if (Every().Match(minute) is { Success: true } every)
            {
                return $"每 {every.Groups[1].Value} 分钟";
            }
        }

        if (!int.TryParse(minute, out var m) || !int.TryParse(hour, out var h) || m is < 0 or > 59 || h is < 0 or > 23)
        {
            return $"按计划 {cron}";
        }

        var time = string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}");
        return (day, weekday) switch
        {
            ("*", "*") => $"每天 {time}",
            ("*", _) when int.TryParse(weekday, out var w) && w is >= 0 and <= 7 => $"每周{Weekdays[w]} {time}",
            (_, "*") when int.TryParse(day, out var d) && d is >= 1 and <= 31 => $"每月 {d} 日 {time}",
            _ => $"按计划 {cron}",
        };
    }

    [GeneratedRegex(@"^\*/(\d+)$")]
    private static partial Regex Every();
}
