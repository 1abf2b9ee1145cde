using Decoupling.Application.Documents;
using Decoupling.Application.Notifications;
using Decoupling.Application.People;
using Microsoft.AspNetCore.Components;

namespace Decoupling.Host.Components.Services;

/// <summary>
/// Opening a notice, from the bell or the 消息中心 alike: it becomes read for this person (the bell told at once), then its
/// document is downloaded or its page opened.
/// </summary>
public sealed class NoticeOpener(NoticeInbox inbox, NoticeCounter counter, DocumentAccess documents, Downloads downloads, NavigationManager navigation)
{
    /// <summary>Returns true when it left the page for the notice's own.</summary>
    public async Task<bool> OpenAsync(CaseActor user, NoticeItem notice)
    {
        if (!notice.IsRead)
        {
            await inbox.MarkReadAsync(user, notice.Id);
            await counter.ChangedAsync();
        }

        if (NoticeLinks.DocumentId(notice.Link) is { } document)
        {
            var (record, content) = await documents.OpenAsync(user, document);
            await downloads.SaveAsync(record.FileName, content);
            return false;
        }

        if (notice.Link is { } link)
        {
            navigation.NavigateTo(link);
            return true;
        }

        return false;
    }
}
