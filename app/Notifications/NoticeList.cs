namespace Decoupling.Application.Notifications;

/// <summary>A slice of someone's notices, newest first; <see cref="Total"/> counts all that match the filter, <see cref="Unread"/> all unread.</summary>
public sealed record NoticeList(IReadOnlyList<NoticeItem> Items, int Total, int Unread);
