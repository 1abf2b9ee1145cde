using Decoupling.Domain.Excel;
using MiniExcelLibs;

namespace Decoupling.Domain.Tests;

/// <summary>The row limit of every spreadsheet upload sits exactly at <see cref="ExcelTable.MaxRows"/> data rows.</summary>
public class ExcelTableLimitTests
{
    private static readonly string[] Columns = ["名称"];

    private static MemoryStream Sheet(int rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(0, rows).Select(i => new Dictionary<string, object?> { ["名称"] = $"协会{i}" }).ToList(), excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_sheet_of_exactly_the_limit_is_read_whole()
    {
        var table = ExcelTable.Read(Sheet(ExcelTable.MaxRows), Columns, Columns);

        Assert.Equal(ExcelTable.MaxRows, table.Rows.Count);
        Assert.Equal(ExcelTable.MaxRows + 1, table.Rows[^1].Number);
    }

    [Fact]
    public void One_row_over_the_limit_is_refused_naming_the_limit()
    {
        var error = Assert.Throws<ExcelFormatException>(() => ExcelTable.Read(Sheet(ExcelTable.MaxRows + 1), Columns, Columns));

        Assert.Equal(DomainErrorCodes.ExcelTooManyRows, error.Code);
        Assert.Contains("20000", error.Message, StringComparison.Ordinal);
    }
}
