using MiniExcelLibs;

namespace Decoupling.Domain.Tests.Support;

/// <summary>Builds small .xlsx files in memory for import tests.</summary>
public static class Workbooks
{
    public static MemoryStream Write(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    public static List<IDictionary<string, object?>> Read(Stream stream)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }
}
