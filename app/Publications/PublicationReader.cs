namespace Decoupling.Application.Publications;

/// <summary>One addressed association's read receipt: who of its staff opened the publication first, and when.</summary>
public sealed record PublicationReader(Guid AssociationId, string AssociationName, string? UnitName, bool Read, DateTimeOffset? ReadAt, string? ReaderName);
