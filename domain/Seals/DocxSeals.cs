using System.IO.Packaging;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Decoupling.Domain.Common;
using Decoupling.Domain.Crypto;

namespace Decoupling.Domain.Seals;

/// <summary>
/// Seals inside a .docx. Each seal is a record in one custom XML part (<c>/customXml/luozhuangSeals.xml</c>) plus its
/// picture (<c>/word/media/luozhuang-seal-N.png</c>) shown in a block at the end of the body (a content control tagged
/// <c>luozhuang-seals</c>). What a seal signs is the content digest: SM3 over every part, relationship and content
/// type of the package except the seals themselves, with the seal block cut out of document.xml — so every seal of a
/// document signs the same digest, and any changed byte of any part breaks all of them. The seal block is not signed
/// as bytes but must be exactly what the seal records render (<see cref="RenderBlock"/>), so nothing can be slipped in.
/// Parts are written as bytes, never re-serialised, so sealing does not disturb what was sealed before; the package is
/// then written in <see cref="CanonicalZip"/>'s layout, so a changed byte outside the parts breaks the seals too.
/// </summary>
public static class DocxSeals
{
    public const string Namespace = "urn:luozhuang:seals:1";
    private const string SealsPart = "/customXml/luozhuangSeals.xml";
    private const string ImagePrefix = "/word/media/luozhuang-seal-";
    private const string BlockStart = "<w:sdt xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:sdtPr><w:tag w:val=\"luozhuang-seals\"/>";
    private const string BlockEnd = "</w:sdt>";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string CustomXmlRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
    private const string ImageRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    private const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";

    /// <summary>The SM3 digest a seal of this document signs.</summary>
    public static string ContentDigest(byte[] docx, string fileName) => Guard(fileName, () =>
    {
        using var package = Open(docx, fileName, FileAccess.Read);
        return ContentDigest(package);
    });

    public static IReadOnlyList<EmbeddedSeal> Read(byte[] docx, string fileName) => Guard(fileName, () =>
    {
        using var package = Open(docx, fileName, FileAccess.Read);
        return ReadSeals(package, fileName);
    });

    /// <summary>A damaged zip (a changed byte in compressed data fails its checksum) is a clear refusal, not a crash.</summary>
    private static T Guard<T>(string fileName, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or System.Xml.XmlException or FormatException)
        {
            throw new DomainException(DomainErrorCodes.SealDocxDamaged, fileName, e.Message);
        }
    }

    /// <summary>
    /// Adds one seal. <paramref name="sign"/> receives the content digest and returns the payload text and signature
    /// (the caller holds the key); the result is the new .docx.
    /// </summary>
    public static byte[] Add(byte[] docx, string fileName, byte[] image, string publicKeyHex, Func<string, (string Payload, string Signature)> sign) =>
        Guard(fileName, () => AddSeal(docx, fileName, image, publicKeyHex, sign));

    private static byte[] AddSeal(byte[] docx, string fileName, byte[] image, string publicKeyHex, Func<string, (string Payload, string Signature)> sign)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var package = Open(buffer, fileName, FileAccess.ReadWrite))
        {
            var seals = ReadSeals(package, fileName).ToList();
            var digest = ContentDigest(package);
            var (payload, signature) = sign(digest);
            var main = MainPart(package, fileName);
            var index = seals.Count + 1;
            var imageUri = new Uri(ImagePrefix + index + ".png", UriKind.Relative);
            var imagePart = package.CreatePart(imageUri, "image/png", CompressionOption.NotCompressed);
            using (var stream = imagePart.GetStream(FileMode.Create, FileAccess.Write))
            {
                stream.Write(image);
            }

            var relationshipId = "rIdLzSeal" + index;
            main.CreateRelationship(PackUriHelper.GetRelativeUri(main.Uri, imageUri), TargetMode.Internal, ImageRelationship, relationshipId);
            seals.Add(new EmbeddedSeal(payload, signature, publicKeyHex, relationshipId, imageUri.OriginalString));
            WriteSealsPart(package, main, seals);
            WriteBlock(main, fileName, RenderBlock(seals));
        }

        return CanonicalZip.Canonicalize(buffer.ToArray());
    }

    /// <summary>The seal block exactly as the seal records say it must be.</summary>
    public static string RenderBlock(IReadOnlyList<EmbeddedSeal> seals)
    {
        var text = new StringBuilder(BlockStart);
        text.Append("</w:sdtPr><w:sdtContent>");
        for (var i = 0; i < seals.Count; i++)
        {
            var payload = SealPayload.Parse(seals[i].PayloadText);
            var caption = payload is null ? "" :
                $"{payload.UnitName}（电子印章）  {payload.Signer}  {payload.SealedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}  密钥 {payload.KeyId}";
            text.Append("<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">")
                .Append("<wp:extent cx=\"1260000\" cy=\"1260000\"/><wp:docPr id=\"").Append(90000 + i).Append("\" name=\"电子印章 ").Append(i + 1).Append("\"/>")
                .Append("<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">")
                .Append("<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"").Append(90000 + i).Append("\" name=\"seal").Append(i + 1).Append(".png\"/><pic:cNvPicPr/></pic:nvPicPr>")
                .Append("<pic:blipFill><a:blip xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:embed=\"").Append(seals[i].ImageRelationshipId).Append("\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>")
                .Append("<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1260000\" cy=\"1260000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>")
                .Append("</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
                .Append("<w:r><w:rPr><w:color w:val=\"C8102E\"/></w:rPr><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(caption)).Append("</w:t></w:r></w:p>");
        }

        text.Append("</w:sdtContent>").Append(BlockEnd);
        return text.ToString();
    }

    /// <summary>The seal block as it stands in document.xml (empty when the document has none).</summary>
    public static string ActualBlock(byte[] docx, string fileName) => Guard(fileName, () =>
    {
        using var package = Open(docx, fileName, FileAccess.Read);
        var xml = Encoding.UTF8.GetString(ReadAll(MainPart(package, fileName)));
        var (start, length) = FindBlock(xml);
        return start < 0 ? "" : xml.Substring(start, length);
    });

    /// <summary>The bytes of a seal's picture as stored in the package.</summary>
    public static byte[]? ImageOf(byte[] docx, string fileName, EmbeddedSeal seal) => Guard(fileName, () =>
    {
        using var package = Open(docx, fileName, FileAccess.Read);
        var uri = new Uri(seal.ImagePart, UriKind.Relative);
        return seal.ImagePart.StartsWith(ImagePrefix, StringComparison.Ordinal) && package.PartExists(uri) ? ReadAll(package.GetPart(uri)) : null;
    });

    private static string ContentDigest(Package package)
    {
        var main = package.GetRelationshipsByType(OfficeDocument).Select(r => PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), r.TargetUri)).FirstOrDefault();
        var lines = new List<string>();
        foreach (var part in package.GetParts().OrderBy(p => p.Uri.OriginalString, StringComparer.Ordinal))
        {
            if (IsSealPart(part.Uri) || part.ContentType == RelationshipsContentType)
            {
                continue;
            }

            var bytes = ReadAll(part);
            if (main is not null && part.Uri == main)
            {
                var xml = Encoding.UTF8.GetString(bytes);
                var (start, length) = FindBlock(xml);
                if (start >= 0)
                {
                    bytes = Encoding.UTF8.GetBytes(xml.Remove(start, length));
                }
            }

            lines.Add($"part {part.Uri.OriginalString} {part.ContentType} {Sm3.Hex(bytes)}");
            AddRelationships(lines, part.Uri.OriginalString, part.Uri, part.GetRelationships());
        }

        AddRelationships(lines, "/", new Uri("/", UriKind.Relative), package.GetRelationships());
        return Sm3.Hex(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private static void AddRelationships(List<string> lines, string source, Uri sourceUri, PackageRelationshipCollection relationships)
    {
        foreach (var relationship in relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (relationship.TargetMode == TargetMode.Internal && IsSealPart(PackUriHelper.ResolvePartUri(sourceUri, relationship.TargetUri)))
            {
                continue;
            }

            lines.Add($"rel {source} {relationship.Id} {relationship.RelationshipType} {relationship.TargetUri.OriginalString} {relationship.TargetMode}");
        }
    }

    private static bool IsSealPart(Uri uri) =>
        uri.OriginalString == SealsPart || uri.OriginalString.StartsWith(ImagePrefix, StringComparison.Ordinal);

    private static (int Start, int Length) FindBlock(string xml)
    {
        var start = xml.IndexOf(BlockStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return (-1, 0);
        }

        var end = xml.IndexOf(BlockEnd, start + BlockStart.Length, StringComparison.Ordinal);
        return end < 0 ? (-1, 0) : (start, end + BlockEnd.Length - start);
    }

    private static IReadOnlyList<EmbeddedSeal> ReadSeals(Package package, string fileName)
    {
        var uri = new Uri(SealsPart, UriKind.Relative);
        if (!package.PartExists(uri))
        {
            return [];
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(ReadAll(package.GetPart(uri))));
        }
        catch (System.Xml.XmlException e)
        {
            throw new DomainException(DomainErrorCodes.SealDocxDamaged, fileName, e.Message);
        }

        XNamespace ns = Namespace;
        var seals = new List<EmbeddedSeal>();
        var index = 0;
        foreach (var seal in document.Root?.Elements(ns + "seal") ?? [])
        {
            index++;
            string Required(string name) => seal.Element(ns + name)?.Value is { Length: > 0 } value ? value
                : throw new DomainException(DomainErrorCodes.SealPartInvalid, fileName, index, name);
            seals.Add(new EmbeddedSeal(
                Encoding.UTF8.GetString(Convert.FromBase64String(Required("payload"))),
                Required("signature"), Required("publicKey"), Required("imageRelationship"), Required("imagePart")));
        }

        return seals;
    }

    private static void WriteSealsPart(Package package, PackagePart main, IReadOnlyList<EmbeddedSeal> seals)
    {
        XNamespace ns = Namespace;
        var document = new XDocument(new XElement(ns + "seals",
            new XComment(" 电子印章：每个 seal 是单位 SM2 私钥对 payload（UTF-8 文本）的签名；校验：dotnet run --project host -- verify 文件.docx "),
            seals.Select(s => new XElement(ns + "seal",
                new XElement(ns + "payload", Convert.ToBase64String(Encoding.UTF8.GetBytes(s.PayloadText))),
                new XElement(ns + "signature", s.Signature),
                new XElement(ns + "publicKey", s.PublicKey),
                new XElement(ns + "imageRelationship", s.ImageRelationshipId),
                new XElement(ns + "imagePart", s.ImagePart)))));
        var uri = new Uri(SealsPart, UriKind.Relative);
        var part = package.PartExists(uri) ? package.GetPart(uri) : null;
        if (part is null)
        {
            part = package.CreatePart(uri, "application/xml", CompressionOption.Normal);
            main.CreateRelationship(PackUriHelper.GetRelativeUri(main.Uri, uri), TargetMode.Internal, CustomXmlRelationship, "rIdLzSeals");
        }

        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        var bytes = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        stream.Write(bytes);
    }

    /// <summary>Puts the block before the body's own section properties (or its end), replacing an earlier block.</summary>
    private static void WriteBlock(PackagePart main, string fileName, string block)
    {
        var xml = Encoding.UTF8.GetString(ReadAll(main));
        var (start, length) = FindBlock(xml);
        if (start >= 0)
        {
            xml = xml.Remove(start, length).Insert(start, block);
        }
        else
        {
            var bodyEnd = xml.LastIndexOf("</w:body>", StringComparison.Ordinal);
            if (bodyEnd < 0)
            {
                throw new DomainException(DomainErrorCodes.SealDocxDamaged, fileName, "document.xml 没有 w:body");
            }

            var sectPr = xml.LastIndexOf("<w:sectPr", bodyEnd, StringComparison.Ordinal);
            var closing = sectPr < 0 ? -1 : xml.IndexOf("</w:sectPr>", sectPr, StringComparison.Ordinal);
            var bodyLevel = closing >= 0 && xml[(closing + "</w:sectPr>".Length)..bodyEnd].Trim().Length == 0;
            xml = xml.Insert(bodyLevel ? sectPr : bodyEnd, block);
        }

        using var stream = main.GetStream(FileMode.Create, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static PackagePart MainPart(Package package, string fileName)
    {
        var relationship = package.GetRelationshipsByType(OfficeDocument).FirstOrDefault()
            ?? throw new DomainException(DomainErrorCodes.SealDocxDamaged, fileName, "缺少正文部件");
        return package.GetPart(PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), relationship.TargetUri));
    }

    /// <summary>
    /// Largest part read: a Word document's parts are far smaller, and a file uploaded for checking must not unpack a
    /// few megabytes into gigabytes (a zip bomb); beyond it the file counts as damaged.
    /// </summary>
    internal const long MaxPartBytes = 64L * 1024 * 1024;

    private static byte[] ReadAll(PackagePart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return ReadBounded(stream);
    }

    internal static byte[] ReadBounded(Stream stream)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxPartBytes)
            {
                throw new InvalidDataException($"部件超过 {MaxPartBytes / (1024 * 1024)} MB");
            }
        }

        return copy.ToArray();
    }

    private static Package Open(byte[] docx, string fileName, FileAccess access) => Open(new MemoryStream(docx, writable: false), fileName, access);

    private static Package Open(Stream stream, string fileName, FileAccess access)
    {
        try
        {
            return Package.Open(stream, FileMode.Open, access);
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or ArgumentException)
        {
            throw new DomainException(DomainErrorCodes.SealDocxDamaged, fileName, e.Message);
        }
    }
}
