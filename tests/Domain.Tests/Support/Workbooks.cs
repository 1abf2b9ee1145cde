using MiniExcelLibs;

namespace Decoupling.Domain.Tests.Support;

/// <summary>Builds small .xlsx files in memory for import tests.</summary>
public static class Workbooks
{
    public static MemoryStream Write(IEnumerable<Dictionary<string, object?>> rows)
    {
        // MiniExcel takes the columns from the first row: give every row the union of all keys
        var list = rows.ToList();
        var keys = list.SelectMany(r => r.Keys).Distinct().ToList();
        var uniform = list.Select(r => keys.ToDictionary(k => k, k => r.GetValueOrDefault(k))).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(uniform, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    public static List<IDictionary<string, object?>> Read(Stream stream)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }
}
