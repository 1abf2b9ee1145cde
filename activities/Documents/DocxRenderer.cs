using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Activities.Documents;

/// <summary>
/// Fills a .docx template: <c>{{name}}</c> placeholders are replaced in every paragraph (even when Word split a
/// placeholder over several runs), and a paragraph holding only <c>{{table}}</c> becomes that table. Replaced text keeps
/// the formatting of the paragraph's first run; missing values become empty text, never a leftover placeholder.
/// </summary>
public static partial class DocxRenderer
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static byte[] Render(byte[] template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, DocxTable>? tables = null)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart ?? throw new InvalidDataException("模板缺少正文部分");
            var parts = new List<OpenXmlPartRootElement> { main.Document };
            parts.AddRange(main.HeaderParts.Select(h => (OpenXmlPartRootElement)h.Header));
            parts.AddRange(main.FooterParts.Select(f => (OpenXmlPartRootElement)f.Footer));
            foreach (var root in parts)
            {
                foreach (var paragraph in root.Descendants<Paragraph>().ToList())
                {
                    var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));
                    if (!text.Contains("{{", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var only = Placeholder().Match(text.Trim());
                    if (tables is not null && only.Success && only.Length == text.Trim().Length
                        && tables.TryGetValue(only.Groups[1].Value, out var table))
                    {
                        paragraph.InsertBeforeSelf(BuildTable(table));
                        paragraph.Remove();
                        continue;
                    }

                    var replaced = Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");
                    var runs = paragraph.Elements<Run>().ToList();
                    var first = runs.FirstOrDefault();
                    var properties = first?.RunProperties?.CloneNode(true) as RunProperties;
                    foreach (var run in runs)
                    {
                        run.Remove();
                    }

                    var lines = replaced.Split('\n');
                    var newRun = new Run();
                    if (properties is not null)
                    {
                        newRun.Append(properties);
                    }

                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (i > 0)
                        {
                            newRun.Append(new Break());
                        }

                        newRun.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                    }

                    paragraph.Append(newRun);
                }
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table BuildTable(DocxTable table)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        result.Append(Row(table.Headers, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row, header: false));
        }

        return result;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(new Paragraph(new Run(
                ChineseFonts.Run(header ? ChineseFonts.Title : ChineseFonts.Body, 21, bold: header),
                new Text(cell ?? "") { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }
}
