namespace Decoupling.Domain.Seals;

/// <summary>One unit's public seal key as published for offline verification (<c>verify FILE --keys KEYS.json</c>).</summary>
public sealed record TrustedKey(string KeyId, string UnitName, string PublicKey, DateTimeOffset CreatedAt);
