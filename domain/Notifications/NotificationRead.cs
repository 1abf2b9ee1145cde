namespace Decoupling.Domain.Notifications;

/// <summary>One person has read one notice (decision record 0014): a row per reader, none until they read it.</summary>
public class NotificationRead
{
    public Guid NotificationId { get; set; }

    /// <summary>The reader's user name, as notices name their personal recipients.</summary>
    public string UserName { get; set; } = "";

    public DateTimeOffset ReadAt { get; set; }
}
