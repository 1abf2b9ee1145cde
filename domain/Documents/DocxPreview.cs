using System.IO.Packaging;
using System.Net;
using System.Text;
using Decoupling.Domain.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Domain.Documents;

/// <summary>
/// A reviewer's quick look at a .docx without downloading it: headings, paragraphs (bold kept) and tables as plain HTML.
/// Every piece of text is HTML-encoded here, so the result can be shown as markup; nothing of the file's own markup,
/// fields, images or macros passes through.
/// </summary>
public static class DocxPreview
{
    /// <summary>Past this many blocks the preview stops; the download has the rest.</summary>
    public const int MaxBlocks = 2000;

    public static string ToHtml(Stream docx, string fileName)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, false, new OpenSettings { MarkupCompatibilityProcessSettings = new(MarkupCompatibilityProcessMode.NoProcess, FileFormatVersions.Office2019) });
            var body = document.MainDocumentPart?.Document?.Body ?? throw new DomainException(DomainErrorCodes.DocumentPreviewUnavailable, fileName);
            var html = new StringBuilder("<div class=\"docx\">");
            var blocks = 0;
            foreach (var block in body.ChildElements)
            {
                if (++blocks > MaxBlocks)
                {
                    html.Append("<p class=\"docx-more\">……</p>");
                    break;
                }

                switch (block)
                {
                    case Paragraph paragraph:
                        AppendParagraph(html, paragraph);
                        break;
                    case Table table:
                        AppendTable(html, table);
                        break;
                }
            }

            return html.Append("</div>").ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException)
        {
            throw new DomainException(DomainErrorCodes.DocumentPreviewUnavailable, fileName);
        }
    }

    private static void AppendParagraph(StringBuilder html, Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        var tag = style switch
        {
            "Title" or "Heading1" or "1" => "h3",
            "Heading2" or "2" => "h4",
            "Heading3" or "3" => "h5",
            _ => "p",
        };
        var centered = paragraph.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Center;
        html.Append('<').Append(tag).Append(centered ? " class=\"docx-center\">" : ">");
        foreach (var run in paragraph.Descendants<Run>())
        {
            var text = string.Concat(run.ChildElements.Select(c => c switch
            {
                Text t => t.Text,
                TabChar => "\t",
                Break => "\n",
                _ => "",
            }));
            if (text.Length == 0)
            {
                continue;
            }

            var encoded = WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
            var bold = run.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value);
            html.Append(bold ? "<strong>" + encoded + "</strong>" : encoded);
        }

        html.Append("</").Append(tag).Append('>');
    }

    private static void AppendTable(StringBuilder html, Table table)
    {
        html.Append("<table class=\"docx-table\">");
        foreach (var row in table.Elements<TableRow>())
        {
            html.Append("<tr>");
            foreach (var cell in row.Elements<TableCell>())
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                html.Append(span > 1 ? $"<td colspan=\"{span}\">" : "<td>");
                html.Append(string.Join("<br>", cell.Elements<Paragraph>().Select(p => WebUtility.HtmlEncode(p.InnerText))));
                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }
}
