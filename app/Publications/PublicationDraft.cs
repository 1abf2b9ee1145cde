namespace Decoupling.Application.Publications;

/// <summary>
/// What the office fills in to publish: kind (通知 or 政策解读), title, body, the audience (the whole district, or the
/// associations of <see cref="UnitIds"/>), the publication it corrects if any, and its attachments.
/// </summary>
public sealed record PublicationDraft(
    string? Kind,
    string? Title,
    string? Body,
    bool ToWholeDistrict,
    IReadOnlyList<Guid> UnitIds,
    Guid? CorrectsId,
    IReadOnlyList<PublicationFile> Attachments);
