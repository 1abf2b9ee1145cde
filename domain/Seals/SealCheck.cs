namespace Decoupling.Domain.Seals;

/// <summary>
/// One seal and whether it still holds: for a signed seal (SM2) the signature and the signed SM3 digest against the
/// stored bytes; for a hash-only confirmation made before SM2, the recorded SHA-256.
/// </summary>
public sealed record SealCheck(Guid SealId, string UnitName, string UserDisplayName, DateTimeOffset ConfirmedAt, string SealedSha256, bool Matches,
    bool Signed = false, string? KeyId = null, string? Problem = null);
