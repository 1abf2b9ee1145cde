namespace Decoupling.Application.Publications;

/// <summary>What a 催阅 did: how many unread associations it reached and how many notices it sent (none twice on one day).</summary>
public sealed record PublicationReminder(int Associations, int Notices);
