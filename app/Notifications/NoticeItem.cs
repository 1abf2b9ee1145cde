namespace Decoupling.Application.Notifications;

/// <summary>
/// One notice as its reader sees it: read or not by this reader; <see cref="Department"/> names the department when it
/// went to the whole department rather than to the reader by name.
/// </summary>
public sealed record NoticeItem(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead, DateTimeOffset? ReadAt, string? Department);
