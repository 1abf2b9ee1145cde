using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Browser.Tests;

/// <summary>Small real .docx files for uploads, and the text of a downloaded one.</summary>
internal static class Docx
{
    public static byte[] Minimal(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    /// <summary>The document's text, paragraph by paragraph (table cells included), as a reader sees it.</summary>
    public static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Clicks 下载 in the given document row and reads the file the browser receives.</summary>
    public static async Task<(string FileName, string Text)> DownloadAsync(Microsoft.Playwright.IPage page, Microsoft.Playwright.ILocator row)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("button", new() { HasText = "下载" }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return (download.SuggestedFilename, Text(buffer.ToArray()));
    }
}
