namespace Decoupling.Domain.Excel;

/// <summary>One data row: its Excel row number and its cells keyed by header name.</summary>
public sealed record ExcelRow(int Number, IReadOnlyDictionary<string, object?> Cells)
{
    public object? this[string header] => Cells.TryGetValue(header, out var value) ? value : null;

    /// <summary>The cell as trimmed text, null when blank; formula escaping added on export is removed.</summary>
    public string? Text(string header) => ExcelValues.Text(this[header]);
}
