using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Decoupling.Domain.Excel;

/// <summary>
/// The first sheet of an .xlsx read as a header row plus data rows with their true row numbers. Any failure to read
/// the package becomes an <see cref="ExcelFormatException"/> with a clear code instead of a parser's stack trace.
/// </summary>
public sealed class ExcelTable
{
    private ExcelTable(IReadOnlyList<string> headers, IReadOnlyList<ExcelRow> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    /// <summary>
    /// Rows one upload may hold. Five times the district's whole register and twice the benchmarked 10,000 rows (2 s on
    /// SQLite): a larger file is a mistake or an attack, and is refused before its rows are held in memory.
    /// </summary>
    public const int MaxRows = 20_000;

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<ExcelRow> Rows { get; }

    /// <summary>Reads the sheet and checks its headers: all <paramref name="required"/> present, none unknown or twice.</summary>
    public static ExcelTable Read(Stream stream, IReadOnlyCollection<string> required, IReadOnlyCollection<string> known)
    {
        List<IDictionary<string, object?>> raw;
        try
        {
            var seekable = stream;
            if (!stream.CanSeek)
            {
                seekable = new MemoryStream();
                stream.CopyTo(seekable);
                seekable.Position = 0;
            }

            var configuration = new OpenXmlConfiguration { FillMergedCells = false };
            // the header row, the limit, and one more to know the limit was passed: the rest is never read
            raw = seekable.Query(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration)
                .Cast<IDictionary<string, object?>>()
                .Take(MaxRows + 2)
                .ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // MiniExcel reports a broken zip or sheet as several exception types; all mean the same to a user
            throw new ExcelFormatException(DomainErrorCodes.ExcelFileUnreadable);
        }

        if (raw.Count > MaxRows + 1)
        {
            throw new ExcelFormatException(DomainErrorCodes.ExcelTooManyRows, MaxRows);
        }

        if (raw.Count == 0 || raw[0].Values.All(v => ExcelValues.Text(v) is null))
        {
            throw new ExcelFormatException(DomainErrorCodes.ExcelFileEmpty);
        }

        var columns = new Dictionary<string, string>();
        var seen = new HashSet<string>();
        var problems = new List<string>();
        foreach (var (letter, value) in raw[0])
        {
            var header = NormalizeHeader(ExcelValues.Text(value));
            if (header is null)
            {
                continue;
            }

            if (!seen.Add(header))
            {
                throw new ExcelFormatException(DomainErrorCodes.ExcelHeaderDuplicate, header);
            }

            if (!known.Contains(header))
            {
                problems.Add(header);
            }

            columns[letter] = header;
        }

        if (problems.Count > 0)
        {
            throw new ExcelFormatException(DomainErrorCodes.ExcelHeaderUnknown, string.Join("、", problems));
        }

        var missing = required.Where(r => !seen.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ExcelFormatException(DomainErrorCodes.ExcelHeaderMissing, string.Join("、", missing));
        }

        var rows = new List<ExcelRow>(raw.Count);
        for (var i = 1; i < raw.Count; i++)
        {
            var cells = new Dictionary<string, object?>();
            foreach (var (letter, header) in columns)
            {
                cells[header] = raw[i].TryGetValue(letter, out var value) ? value : null;
            }

            if (cells.Values.Any(v => ExcelValues.Text(v) is not null))
            {
                rows.Add(new ExcelRow(i + 1, cells));
            }
        }

        return new ExcelTable(columns.Values.ToList(), rows);
    }

    /// <summary>Trims and folds half-width brackets to the full-width ones our headers use (资产(万元) = 资产（万元）).</summary>
    public static string? NormalizeHeader(string? header) =>
        header?.Trim().Replace(" ", "").Replace('(', '（').Replace(')', '）') is { Length: > 0 } h ? h : null;
}
