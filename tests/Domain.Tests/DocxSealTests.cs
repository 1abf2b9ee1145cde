using System.IO.Compression;
using System.Text;
using Decoupling.Domain.Common;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seals;
using Decoupling.Domain.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

/// <summary>
/// A seal inside a Word document: an SM2 signature of the unit over the document's SM3 content digest, a custom XML
/// part and a visible seal in the body; checked with nothing but the file, and broken by any changed byte.
/// </summary>
public sealed class DocxSealTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "docx-seal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_sealed_docx_verifies_offline_opens_in_word_and_shows_the_seal()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var (document, staff, supervisor) = await ArrangeAsync(db);
        var seals = Service(db);

        var first = await seals.ConfirmAsync(document.Id, staff.Id);
        var second = await seals.ConfirmAsync(document.Id, supervisor.Id);
        var bytes = await BytesOfAsync(db, second.SealedDocumentId!.Value);

        var report = DocxSealVerifier.Verify(bytes, "章程修正案.docx");
        Assert.True(report.IsIntact, report.Problem ?? string.Join("；", report.Seals.Select(s => s.Problem)));
        Assert.Equal(["临沂市罗庄区陶瓷行业协会", "区经济和信息化局"], report.Seals.Select(s => s.UnitName));
        Assert.Equal(first.Sm3, second.Sm3); // both seals sign the same content: sealing again does not change it
        Assert.Equal(first.KeyId, report.Seals[0].KeyId);

        // a real Word package: the SDK opens it, the body shows both seal pictures and their captions, the custom XML holds both records
        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Equal(2, body.Descendants<Drawing>().Count());
            Assert.Contains("区经济和信息化局（电子印章）", body.InnerText, StringComparison.Ordinal);
            Assert.Contains("同意脱钩", body.InnerText, StringComparison.Ordinal);
            Assert.Single(word.MainDocumentPart.CustomXmlParts);
            Assert.Equal(2, word.MainDocumentPart.ImageParts.Count());
        }

        // the platform's own check agrees, and the trust list knows both keys
        Assert.True((await seals.VerifyAsync(document.Id)).IsIntact);
        var trusted = await new UnitKeyService(db, SealTests.TestMasterKey, TimeProvider.System).TrustListAsync();
        Assert.True(DocxSealVerifier.Verify(bytes, "章程修正案.docx", trusted).IsIntact);
        Assert.False(DocxSealVerifier.Verify(bytes, "章程修正案.docx", [trusted[0]]).IsIntact);
    }

    [Fact]
    public async Task One_changed_character_of_the_text_breaks_every_seal()
    {
        var bytes = await SealedAsync();
        var changed = Repack(bytes, "word/document.xml", xml => xml.Replace("同意脱钩", "同意脱勾", StringComparison.Ordinal));

        var report = DocxSealVerifier.Verify(changed, "章程修正案.docx");
        Assert.False(report.IsIntact);
        Assert.NotEmpty(report.Seals);
        Assert.All(report.Seals, s => Assert.Contains("盖章后文件内容被改动", s.Problem, StringComparison.Ordinal));

        // the same edit without rewriting the file in the sealed layout is caught even earlier, by the layout
        var careless = Repack(bytes, "word/document.xml", xml => xml.Replace("同意脱钩", "同意脱勾", StringComparison.Ordinal), canonical: false);
        Assert.Contains("盖章后被改动", DocxSealVerifier.Verify(careless, "章程修正案.docx").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_changed_byte_of_the_file_breaks_the_seal()
    {
        var bytes = await SealedAsync();
        var failures = new List<int>();
        // every 97th byte over the whole file (zip headers, compressed parts, the seal parts, the central directory)
        for (var position = 0; position < bytes.Length; position += 97)
        {
            var copy = (byte[])bytes.Clone();
            copy[position] ^= 0x01;
            if (Verifies(copy))
            {
                failures.Add(position);
            }
        }

        Assert.True(failures.Count == 0, $"still verified after changing byte(s) at {string.Join(", ", failures)} of {bytes.Length}");
    }

    [Fact]
    public async Task Text_slipped_into_the_seal_block_or_a_replaced_seal_picture_is_caught()
    {
        var bytes = await SealedAsync();
        var slipped = Repack(bytes, "word/document.xml", xml => xml.Replace("（电子印章）", "（电子印章）此件作废", StringComparison.Ordinal));
        var slippedReport = DocxSealVerifier.Verify(slipped, "a.docx");
        Assert.False(slippedReport.IsIntact);
        Assert.Contains("印章区被改动", slippedReport.Seals[0].Problem, StringComparison.Ordinal);

        var picture = Repack(bytes, "word/media/luozhuang-seal-1.png", null, [1, 2, 3]);
        var report = DocxSealVerifier.Verify(picture, "a.docx");
        Assert.False(report.IsIntact);
        Assert.Contains("印章图像被替换", report.Seals[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_docx_gets_a_clear_answer()
    {
        var report = DocxSealVerifier.Verify("%PDF-1.7"u8.ToArray(), "证明.pdf");
        Assert.False(report.IsIntact);
        Assert.Contains("不是完整的 Word 文档", report.Problem, StringComparison.Ordinal);

        var unsealed = DocxSealVerifier.Verify(Docx("没有盖章"), "空白.docx");
        Assert.False(unsealed.IsIntact);
        Assert.Contains("没有电子印章", unsealed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_upload_that_unpacks_into_gigabytes_is_refused_as_damaged()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }

            Write("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var body = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 80; i++)
            {
                body.Write(spaces);
            }
        }

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var report = DocxSealVerifier.Verify(bomb.ToArray(), "炸弹.docx");
        Assert.False(report.IsIntact);
        Assert.Contains("部件超过 64 MB", report.Problem, StringComparison.Ordinal);
    }

    public static byte[] Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("关于临沂市罗庄区陶瓷行业协会章程修正案的意见"))),
                new Paragraph(new Run(new Text(text))),
                new SectionProperties(new PageSize { Width = 11906, Height = 16838 })));
        }

        return stream.ToArray();
    }

    private static bool Verifies(byte[] docx)
    {
        try
        {
            return DocxSealVerifier.Verify(docx, "x.docx").IsIntact;
        }
        catch (Exception e) when (e is not DomainException)
        {
            // whatever the reader throws on a broken file, the file did not verify; the verifier must not crash though
            throw new Xunit.Sdk.XunitException($"the verifier threw {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<byte[]> SealedAsync()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var (document, staff, _) = await ArrangeAsync(db);
        var seal = await Service(db).ConfirmAsync(document.Id, staff.Id);
        return await BytesOfAsync(db, seal.SealedDocumentId!.Value);
    }

    /// <summary>
    /// A copy of the package with one entry rewritten (its bytes, or its text through <paramref name="edit"/>); by
    /// default written in the sealed layout, as a careful forger would, so the content checks are what must catch it.
    /// </summary>
    private static byte[] Repack(byte[] docx, string entryName, Func<string, string>? edit, byte[]? replacement = null, bool canonical = true)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var buffer = new MemoryStream();
                read.CopyTo(buffer);
                var content = buffer.ToArray();
                if (entry.FullName == entryName)
                {
                    content = replacement ?? Encoding.UTF8.GetBytes(edit!(Encoding.UTF8.GetString(content)));
                }

                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(content);
            }
        }

        return canonical ? CanonicalZip.Canonicalize(output.ToArray()) : output.ToArray();
    }

    private SealService Service(PlatformDbContext db) =>
        new(db, new LocalFileStore(root), TimeProvider.System, new UnitKeyService(db, SealTests.TestMasterKey, TimeProvider.System));

    private async Task<byte[]> BytesOfAsync(PlatformDbContext db, Guid documentId)
    {
        var record = await db.Documents.SingleAsync(d => d.Id == documentId);
        return await File.ReadAllBytesAsync(new LocalFileStore(root).PathOf(record.StorageKey));
    }

    private async Task<(DocumentRecord Document, PlatformUser Staff, PlatformUser Supervisor)> ArrangeAsync(PlatformDbContext db)
    {
        var association = await db.Associations.SingleAsync(a => a.Name == "临沂市罗庄区陶瓷行业协会");
        var staff = await AddUserAsync(db, "ceramics", associationId: association.Id);
        var supervisor = await AddUserAsync(db, "jxj-user", departmentCode: "jxj");
        var documents = new DocumentService(db, new LocalFileStore(root), new DocumentOptions(), TimeProvider.System);
        var document = await documents.UploadAsync(new MemoryStream(Docx("经审核，同意脱钩。")),
            new DocumentUpload("章程修正案.docx", Decoupling.Domain.Documents.DocumentType.Evidence, "ceramics", OwnerAssociationId: association.Id));
        return (document, staff, supervisor);
    }

    private static async Task<PlatformUser> AddUserAsync(PlatformDbContext db, string name, string? departmentCode = null, Guid? associationId = null)
    {
        var user = new PlatformUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name + " 经办人",
            DepartmentId = departmentCode is null ? null : await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(),
            AssociationId = associationId,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
