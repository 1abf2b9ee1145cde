namespace Decoupling.Host.Notifications;

/// <summary>A notice to send: to a user (by user name) or to a department (by code), once per dedup key.</summary>
public sealed record PendingNotice(string DedupKey, string Title, string Body, string? UserName, string? DepartmentCode, string? Link);
