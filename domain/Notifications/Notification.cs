namespace Decoupling.Domain.Notifications;

/// <summary>
/// An in-app notice to a user or to everyone of a department. Whether it is read is each reader's own
/// (<see cref="NotificationRead"/>), so one clerk opening a department's notice leaves it unread for the others.
/// </summary>
public class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string? RecipientUserId { get; set; }

    public Guid? RecipientDepartmentId { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Link { get; set; }

    /// <summary>Unique; a handler that runs twice (at-least-once jobs) sends the notice once.</summary>
    public string DedupKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
