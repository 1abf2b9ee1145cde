using System.IO.Compression;
using Decoupling.Domain.Common;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Tests.Support;

namespace Decoupling.Domain.Tests;

public sealed class DocumentTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "store-" + Guid.NewGuid().ToString("N"));

    public static byte[] Pdf => "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray();

    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_a_sanitised_name()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var service = Service(db);

        var record = await service.UploadAsync(new MemoryStream(Pdf), new DocumentUpload("../../etc/脱钩方案.pdf", DocumentType.DecouplingPlan, "jxj"));

        Assert.Equal("脱钩方案.pdf", record.FileName);
        Assert.Equal("application/pdf", record.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), record.Sha256);
        Assert.Equal(1, record.Version);
        Assert.StartsWith(Path.GetFullPath(_root), new LocalFileStore(_root).PathOf(record.StorageKey));
    }

    [Theory]
    [InlineData("..\\..\\windows\\system32\\evil.pdf", "evil.pdf")]
    [InlineData("/etc/passwd.pdf", "passwd.pdf")]
    [InlineData("...pdf", "pdf")]
    [InlineData("a<b>c:d|e?.pdf", "a_b_c_d_e_.pdf")]
    [InlineData("name\u0000\u202Efdp.exe.pdf", "name__fdp.exe.pdf")]
    public void Path_traversal_and_reserved_characters_are_removed_from_names(string given, string expected) =>
        Assert.Equal(expected, FileNameSanitizer.Sanitize(given));

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var exe = new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 };

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Service(db).UploadAsync(new MemoryStream(exe), new DocumentUpload("方案.pdf", DocumentType.Evidence, "a")));

        Assert.Equal(DomainErrorCodes.DocumentContentUnrecognised, error.Code);
        Assert.Empty(db.Documents);
        Assert.False(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_png_named_pdf_is_refused_as_a_mismatch()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Service(db).UploadAsync(new MemoryStream(png), new DocumentUpload("scan.pdf", DocumentType.Evidence, "a")));

        Assert.Equal(DomainErrorCodes.DocumentContentMismatch, error.Code);
    }

    [Fact]
    public async Task An_oversize_file_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var big = new byte[2048];
        Pdf.CopyTo(big, 0);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Service(db, maxBytes: 1024).UploadAsync(new MemoryStream(big), new DocumentUpload("big.pdf", DocumentType.Evidence, "a")));

        Assert.Equal(DomainErrorCodes.DocumentTooLarge, error.Code);
    }

    [Fact]
    public void Office_packages_are_told_apart_by_their_parts()
    {
        Assert.Equal(FileKind.Docx, ContentSniffer.Detect(Package("word/document.xml")));
        Assert.Equal(FileKind.Xlsx, ContentSniffer.Detect(Package("xl/workbook.xml")));
        Assert.Null(ContentSniffer.Detect(Package("other/thing.xml")));
        Assert.Null(ContentSniffer.Detect(new byte[] { 0x50, 0x4B, 0x03, 0x04, 9, 9, 9 }));
        Assert.Equal(FileKind.Jpeg, ContentSniffer.Detect(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }));
    }

    [Fact]
    public async Task A_new_version_points_at_the_previous_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var service = Service(db);
        var first = await service.UploadAsync(new MemoryStream(Pdf), new DocumentUpload("plan.pdf", DocumentType.DecouplingPlan, "a"));
        var changed = Pdf.Concat("\n% v2"u8.ToArray()).ToArray();

        var second = await service.UploadNewVersionAsync(first.Id, new MemoryStream(changed), new DocumentUpload("plan-v2.pdf", DocumentType.Other, "a"));
        var history = await service.HistoryAsync(first.Id);

        Assert.Equal(2, second.Version);
        Assert.Equal(first.Id, second.PreviousVersionId);
        Assert.Equal(DocumentType.DecouplingPlan, second.Type);
        Assert.Equal([second.Id, first.Id], history.Select(h => h.Id));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    internal static byte[] Package(string part)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }

        return memory.ToArray();
    }

    private DocumentService Service(Persistence.PlatformDbContext db, long maxBytes = DocumentOptions.DefaultMaxBytes) =>
        new(db, new LocalFileStore(_root), new DocumentOptions { MaxBytes = maxBytes }, TimeProvider.System);
}
