namespace Decoupling.Domain.Publications;

/// <summary>
/// One association a publication was addressed to, with its read receipt: the first of its staff to open it and when.
/// One row per association, so a publication read by three of its staff still counts once.
/// </summary>
public class PublicationRecipient
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PublicationId { get; set; }

    public Guid AssociationId { get; set; }

    /// <summary>The association's supervisory unit at publication: that unit follows who of its associations read it.</summary>
    public Guid? SupervisoryUnitId { get; set; }

    public DateTimeOffset? FirstReadAt { get; set; }

    public string? FirstReaderUserName { get; set; }

    public string? FirstReaderName { get; set; }
}
