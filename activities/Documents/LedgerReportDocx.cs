using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Activities.Documents;

/// <summary>
/// The short Word summary that goes with the weekly ledger: where the district stands in one paragraph, and a table by
/// supervisory unit, for the leading group's meeting. The ledger workbook beside it has the detail.
/// </summary>
public static class LedgerReportDocx
{
    public sealed record UnitLine(string Unit, int Associations, int Finished, int InProgress, int NotStarted);

    public static byte[] Build(DateOnly today, int total, IReadOnlyDictionary<string, int> byOutcome, IReadOnlyList<UnitLine> units)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            body.Append(Paragraph($"罗庄区行业协会商会脱钩工作周报", bold: true, centered: true, size: 32));
            body.Append(Paragraph($"截至 {today:yyyy年M月d日}", centered: true));
            var outcomes = string.Join("，", byOutcome.Where(o => o.Value > 0).Select(o => $"{o.Key} {o.Value} 个"));
            body.Append(Paragraph($"全区纳入脱钩范围的行业协会商会共 {total} 个：{outcomes}。各业务主管单位情况见下表，逐个协会的明细见同期台账（Excel）。"));
            var table = new Table(new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(Row(["业务主管单位", "协会商会数", "已完成", "进行中", "未启动或暂缓"], bold: true));
            foreach (var unit in units)
            {
                table.Append(Row([unit.Unit, unit.Associations.ToString(), unit.Finished.ToString(), unit.InProgress.ToString(), unit.NotStarted.ToString()], bold: false));
            }

            body.Append(table);
            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool centered = false, int size = 0)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (size > 0)
        {
            properties.Append(new FontSize { Val = size.ToString() });
        }

        if (properties.HasChildren)
        {
            run.PrependChild(properties);
        }

        var paragraph = new Paragraph(run);
        if (centered)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Paragraph(c, bold))));
}
