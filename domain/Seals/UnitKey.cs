namespace Decoupling.Domain.Seals;

/// <summary>
/// The SM2 key pair a department or an association seals with. The public key is published (anyone may check a seal
/// with it, see the trust list); the private key is kept SM4-encrypted under the platform's master key, bound to this
/// row's id, and never leaves the server.
/// </summary>
public class UnitKey
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? DepartmentId { get; set; }

    public Guid? AssociationId { get; set; }

    /// <summary>The unit's name when the key was made.</summary>
    public string UnitName { get; set; } = "";

    /// <summary>Uncompressed point 04‖x‖y, lower-case hex (130 digits).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>First 16 hex digits of the public key's SM3 digest; printed beside every seal.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>Base64 of SM4-GCM(nonce ‖ ciphertext ‖ tag) of the 32-byte private key.</summary>
    public string EncryptedPrivateKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
