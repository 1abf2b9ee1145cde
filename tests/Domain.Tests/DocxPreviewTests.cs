using Decoupling.Domain.Common;
using Decoupling.Domain.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Domain.Tests;

public sealed class DocxPreviewTests
{
    private static MemoryStream Docx(params OpenXmlElement[] blocks)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(blocks));
        }

        stream.Position = 0;
        return stream;
    }

    private static Paragraph Heading(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }, new Justification { Val = JustificationValues.Center }), new Run(new Text(text)));

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));

    [Fact]
    public void Headings_bold_runs_and_tables_are_kept_and_every_text_is_encoded()
    {
        using var docx = Docx(
            Heading("关于陶瓷行业协会脱钩的审核意见"),
            new Paragraph(new Run(new RunProperties(new Bold()), new Text("审核结论：")), new Run(new Text("同意。<script>alert(1)</script>") { Space = SpaceProcessingModeValues.Preserve })),
            new Table(new TableRow(Cell("事项"), Cell("结论")), new TableRow(Cell("资产财务分离"), Cell("通过 & 备案"))));

        var html = DocxPreview.ToHtml(docx, "审核意见书.docx");

        Assert.Contains("<h3 class=\"docx-center\">关于陶瓷行业协会脱钩的审核意见</h3>", html);
        Assert.Contains("<p><strong>审核结论：</strong>同意。&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
        Assert.Contains("<tr><td>事项</td><td>结论</td></tr><tr><td>资产财务分离</td><td>通过 &amp; 备案</td></tr>", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void A_very_long_document_is_cut_after_the_block_limit()
    {
        using var docx = Docx(Enumerable.Range(1, DocxPreview.MaxBlocks + 50).Select(i => (OpenXmlElement)new Paragraph(new Run(new Text($"第{i}段")))).ToArray());

        var html = DocxPreview.ToHtml(docx, "长文.docx");

        Assert.Contains($"第{DocxPreview.MaxBlocks}段", html);
        Assert.DoesNotContain($"第{DocxPreview.MaxBlocks + 1}段", html);
        Assert.Contains("docx-more", html);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 broken")]
    public void A_file_that_is_not_a_word_document_gets_a_clear_error_naming_it(string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<DomainException>(() => DocxPreview.ToHtml(stream, "佐证.docx"));

        Assert.Equal(DomainErrorCodes.DocumentPreviewUnavailable, error.Code);
        Assert.Contains("佐证.docx", error.Message);
    }

    [Fact]
    public void A_workbook_is_not_previewed_as_a_document()
    {
        var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            workbook.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        }

        stream.Position = 0;
        var error = Assert.Throws<DomainException>(() => DocxPreview.ToHtml(stream, "名册.xlsx"));
        Assert.Equal(DomainErrorCodes.DocumentPreviewUnavailable, error.Code);
    }
}
