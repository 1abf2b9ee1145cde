namespace Decoupling.Application.Publications;

/// <summary>
/// A publication in someone's list. <see cref="Read"/> is set for association staff (has my association read it);
/// <see cref="ReadCount"/> and <see cref="Expected"/> for the office (all associations) and a unit (its own), never for
/// an association.
/// </summary>
public sealed record PublicationSummary(
    Guid Id,
    string Kind,
    string Title,
    DateTimeOffset PublishedAt,
    string PublisherName,
    Guid? CorrectsId,
    string? CorrectsTitle,
    bool Corrected,
    int AttachmentCount,
    bool? Read,
    int? ReadCount,
    int? Expected);
