using System.Globalization;

namespace Decoupling.Host.Components.Services;

/// <summary>When a notice came, as OA systems say it: 刚刚, 5分钟前, 3小时前, then the date and time in district time.</summary>
public static class NoticeAge
{
    private static readonly TimeSpan District = TimeSpan.FromHours(8);

    public static string Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        if (age < TimeSpan.FromMinutes(1))
        {
            return "刚刚";
        }

        if (age < TimeSpan.FromHours(1))
        {
            return $"{(int)age.TotalMinutes}分钟前";
        }

        var local = at.ToOffset(District);
        if (age < TimeSpan.FromHours(24) && local.Date == now.ToOffset(District).Date)
        {
            return $"{(int)age.TotalHours}小时前";
        }

        return local.Year == now.ToOffset(District).Year
            ? local.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The exact time, for a tooltip beside the relative one.</summary>
    public static string Exact(DateTimeOffset at) => at.ToOffset(District).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
