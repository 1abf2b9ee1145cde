namespace Decoupling.Domain.Publications;

/// <summary>
/// A notice or policy interpretation the leading-group office published to associations. Never edited once published:
/// a correction is a new publication naming the one it corrects (<see cref="CorrectsId"/>). Who it reached is fixed at
/// publication in its <see cref="PublicationRecipient"/> rows, so 应读 does not drift when the register changes later.
/// </summary>
public class Publication
{
    /// <summary>Notices and policy interpretations go out in the office's name, as its documents are signed (R25).</summary>
    public const string OfficeName = "区脱钩试点领导小组办公室";

    public Guid Id { get; set; } = Guid.NewGuid();

    public PublicationKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>True for every in-scope association of the district; false for the associations of <see cref="AudienceUnitIds"/>.</summary>
    public bool ToWholeDistrict { get; set; }

    /// <summary>The supervisory units whose associations it was addressed to (empty for the whole district).</summary>
    public List<Guid> AudienceUnitIds { get; set; } = [];

    /// <summary>Stored documents attached (PDF or .docx), owned by the publishing office's department.</summary>
    public List<Guid> AttachmentDocumentIds { get; set; } = [];

    /// <summary>The earlier publication this one corrects (更正), if any.</summary>
    public Guid? CorrectsId { get; set; }

    public Guid? PublisherDepartmentId { get; set; }

    public string PublishedBy { get; set; } = "";

    /// <summary>The name a publication goes out under: always the office's (<see cref="OfficeName"/>), whichever department hosts the person who sent it.</summary>
    public string PublisherName { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }
}
