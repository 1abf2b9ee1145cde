namespace Decoupling.Domain.Seals;

/// <summary>
/// An online unit seal (盖章确认): an authorised member of a department or association confirms a document. The seal
/// is an SM2 signature of the unit's key over <see cref="SignedContent"/> (the document's SM3 digest, signer, unit and
/// time), so anyone holding the unit's public key can check it without this database; in a .docx it is also embedded
/// (a custom XML part and a visible seal image). Seals made before SM2 carry only <see cref="Sha256"/>.
/// </summary>
public class SealConfirmation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DocumentId { get; set; }

    public string Sha256 { get; set; } = "";

    public string UserId { get; set; } = "";

    public string UserDisplayName { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public Guid? AssociationId { get; set; }

    /// <summary>The unit's name at the time of sealing, kept so the record reads the same after renames.</summary>
    public string UnitName { get; set; } = "";

    public DateTimeOffset ConfirmedAt { get; set; }

    /// <summary>"SM2-SM3" for signed seals; empty for the hash-only confirmations made before.</summary>
    public string Algorithm { get; set; } = "";

    /// <summary>The SM3 digest the signature covers (of the file, or of a .docx's content without its seals).</summary>
    public string Sm3 { get; set; } = "";

    /// <summary>The exact text that was signed (UTF-8), see <see cref="SealPayload"/>.</summary>
    public string SignedContent { get; set; } = "";

    /// <summary>Base64 DER SM2 signature over <see cref="SignedContent"/>.</summary>
    public string Signature { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string PublicKey { get; set; } = "";

    /// <summary>For a .docx: the new version of the document that carries this seal embedded.</summary>
    public Guid? SealedDocumentId { get; set; }
}
