namespace Decoupling.Domain.Documents;

/// <summary>The file kinds the platform accepts, with their extension and content type.</summary>
public sealed record FileKind(string Name, string[] Extensions, string ContentType)
{
    public static readonly FileKind Docx = new("docx", [".docx"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public static readonly FileKind Xlsx = new("xlsx", [".xlsx"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static readonly FileKind Pdf = new("pdf", [".pdf"], "application/pdf");

    public static readonly FileKind Jpeg = new("jpg", [".jpg", ".jpeg"], "image/jpeg");

    public static readonly FileKind Png = new("png", [".png"], "image/png");

    public static readonly IReadOnlyList<FileKind> All = [Docx, Xlsx, Pdf, Jpeg, Png];

    public static FileKind? ByExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(k => k.Extensions.Contains(extension));
    }
}
