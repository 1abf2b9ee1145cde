using System.IO.Compression;

namespace Decoupling.Domain.Documents;

/// <summary>
/// Recognises a file by its bytes, not its name: PDF by "%PDF-", JPEG by FF D8 FF, PNG by its 8-byte signature, and
/// docx/xlsx as zip packages holding [Content_Types].xml and a word/ or xl/ part.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The kind the content is, or null when it is none of the accepted kinds (or a broken package).</summary>
    public static FileKind? Detect(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith(PdfMagic))
        {
            return FileKind.Pdf;
        }

        if (span.StartsWith(PngMagic))
        {
            return FileKind.Png;
        }

        if (span.StartsWith(JpegMagic))
        {
            return FileKind.Jpeg;
        }

        return span.StartsWith(ZipMagic) ? DetectOfficePackage(content) : null;
    }

    private static FileKind? DetectOfficePackage(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return FileKind.Docx;
            }

            return names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? FileKind.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
