namespace Decoupling.Domain.Certificates;

/// <summary>A registration certificate issued to an association; renewal voids the current one and issues a new one.</summary>
public class CertificateRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssociationId { get; set; }

    public string Number { get; set; } = "";

    /// <summary>The unified social credit code printed on the certificate.</summary>
    public string CreditCode { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }

    public string? VoidReason { get; set; }

    public Guid? ReplacedById { get; set; }
}
