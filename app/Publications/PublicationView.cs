namespace Decoupling.Application.Publications;

/// <summary>One publication opened: its text, to whom it went, its attachments, and what it corrects or was corrected by.</summary>
public sealed record PublicationView(
    Guid Id,
    string Kind,
    string Title,
    string Body,
    string Audience,
    DateTimeOffset PublishedAt,
    string PublisherName,
    Guid? CorrectsId,
    string? CorrectsTitle,
    IReadOnlyList<Guid> CorrectedBy,
    IReadOnlyList<PublicationAttachment> Attachments);
