namespace Decoupling.Host.Notifications;

/// <summary>A notice to send: to a user (by user name), a department (by code) or an association's staff, once per dedup key.</summary>
public sealed record PendingNotice(string DedupKey, string Title, string Body, string? UserName, string? DepartmentCode, string? Link, Guid? AssociationId = null);
