namespace Decoupling.Host.Components.Services;

/// <summary>
/// What a notice's link leads to, in words (the bell and the 消息中心 show this, never the link or an id), and whether it is
/// a document to download rather than a page to open.
/// </summary>
public static class NoticeLinks
{
    private const string DocumentPrefix = "/api/documents/";

    public static string? Label(string? link) => link switch
    {
        null or "" => null,
        _ when link.StartsWith("/tasks/", StringComparison.Ordinal) => "待办事项",
        _ when link.StartsWith("/publications/", StringComparison.Ordinal) => "通知公告",
        _ when link.StartsWith("/instances/", StringComparison.Ordinal) => "案件详情",
        _ when link.StartsWith("/register/", StringComparison.Ordinal) => "协会档案",
        _ when link.StartsWith("/dashboard", StringComparison.Ordinal) => "领导小组看板",
        _ when link.StartsWith(DocumentPrefix, StringComparison.Ordinal) => "下载文书",
        _ => "查看详情",
    };

    /// <summary>The document a notice offers for download (the weekly ledger's), or null when it links to a page.</summary>
    public static Guid? DocumentId(string? link) =>
        link is not null && link.StartsWith(DocumentPrefix, StringComparison.Ordinal) && Guid.TryParse(link[DocumentPrefix.Length..].TrimEnd('/'), out var id) ? id : null;
}
