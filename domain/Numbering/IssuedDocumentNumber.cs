namespace Decoupling.Domain.Numbering;

/// <summary>One issued document number, e.g. 罗编审〔2026〕12号; issued once per idempotency key.</summary>
public class IssuedDocumentNumber
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string DepartmentCode { get; set; } = "";

    public int Year { get; set; }

    public int Sequence { get; set; }

    /// <summary>The full number as printed: prefix + 〔year〕 + sequence + 号.</summary>
    public string Number { get; set; } = "";

    /// <summary>Who asked for it (a service task activation); unique, so a second run gets the same number.</summary>
    public string IdempotencyKey { get; set; } = "";

    public string? Subject { get; set; }

    public Guid? AssociationId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
}
