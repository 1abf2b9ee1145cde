namespace Decoupling.Domain.Excel;

/// <summary>
/// Neutralises spreadsheet formula injection (OWASP "CSV injection"): text starting with = + - @ or a tab or carriage
/// return gets a leading apostrophe so no spreadsheet program evaluates it. Import removes that apostrophe again,
/// so an exported register imports back unchanged.
/// </summary>
public static class FormulaEscaper
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Escape(string text) =>
        text.Length > 0 && Triggers.Contains(text[0]) ? "'" + text : text;

    public static object? EscapeCell(object? value) => value is string s ? Escape(s) : value;

    public static string Unescape(string text) =>
        text.Length > 1 && text[0] == '\'' && Triggers.Contains(text[1]) ? text[1..] : text;
}
