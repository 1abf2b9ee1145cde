namespace Decoupling.Domain.Seals;

/// <summary>One seal's check: who sealed for which unit when, with which key, and what is wrong if it does not hold.</summary>
public sealed record SealReportLine(int Index, string UnitName, string Signer, DateTimeOffset? SealedAt, string KeyId, bool Trusted, bool Valid, string? Problem);
