namespace Decoupling.Domain.Seals;

/// <summary>One seal and whether the stored file still has the hash it was given over.</summary>
public sealed record SealCheck(Guid SealId, string UnitName, string UserDisplayName, DateTimeOffset ConfirmedAt, string SealedSha256, bool Matches);
