using System.Globalization;

namespace Decoupling.Domain.Excel;

/// <summary>Reads typed values out of cells as MiniExcel returns them (string, double, DateTime, bool or null).</summary>
public static class ExcelValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : FormulaEscaper.Unescape(text);
    }

    public static bool TryDecimal(object? value, out decimal result)
    {
        switch (value)
        {
            case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                result = (decimal)d;
                return true;
            case decimal m:
                result = m;
                return true;
            case int i:
                result = i;
                return true;
            case long l:
                result = l;
                return true;
        }

        var text = Text(value)?.Replace(",", "").Replace("，", "");
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryInt(object? value, out int result)
    {
        result = 0;
        if (!TryDecimal(value, out var d) || d != decimal.Truncate(d) || d is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        result = (int)d;
        return true;
    }

    public static bool TryDate(object? value, out DateOnly result)
    {
        switch (value)
        {
            case DateTime dt:
                result = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial is > 0 and < 2958466:
                // a date cell without a date style arrives as its Excel serial number
                result = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
        }

        return DateOnly.TryParseExact(Text(value), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out result);
    }
}
