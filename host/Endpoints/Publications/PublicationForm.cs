using Decoupling.Application.Publications;
using Microsoft.Extensions.Primitives;

namespace Decoupling.Host.Endpoints.Publications;

/// <summary>
/// The multipart form of a new publication: kind (通知 / 政策解读), title, body, audience ("district" or "units"), unitIds
/// (repeated or comma-separated), corrects (the id of the publication corrected), and the attached files.
/// </summary>
public static class PublicationForm
{
    public static async Task<PublicationDraft> ReadAsync(HttpRequest request, long maxBytesEach)
    {
        // the attachments together stay within the limit of one document, as Kestrel's request limit would otherwise cut them
        var (form, files) = await Upload.FormWithFilesAsync(request, maxBytesEach, maxBytesEach);
        var audience = Text(form["audience"]);
        var units = form["unitIds"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => Guid.TryParse(v, out var id) ? id : throw new BadHttpRequestException($"unitIds: “{v}”不是有效的单位 ID"))
            .ToList();
        Guid? corrects = Text(form["corrects"]) is { } text
            ? Guid.TryParse(text, out var id) ? id : throw new BadHttpRequestException($"corrects: “{text}”不是有效的通知公告 ID")
            : null;
        var wholeDistrict = audience switch
        {
            null => units.Count == 0,
            "district" or "全区" => true,
            "units" or "按主管单位" => false,
            _ => throw new BadHttpRequestException($"audience: “{audience}”应为 district 或 units"),
        };
        return new PublicationDraft(Text(form["kind"]), Text(form["title"]), Text(form["body"]), wholeDistrict, units, corrects,
            [.. files.Select(f => new PublicationFile(f.FileName, f.Content))]);
    }

    private static string? Text(StringValues values) => string.IsNullOrWhiteSpace(values.ToString()) ? null : values.ToString();
}
