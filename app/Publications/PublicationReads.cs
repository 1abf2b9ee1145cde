namespace Decoupling.Application.Publications;

/// <summary>已读 <see cref="ReadCount"/> / 应读 <see cref="Expected"/>, with every addressed association the caller may follow, unread ones first.</summary>
public sealed record PublicationReads(Guid PublicationId, string Title, int ReadCount, int Expected, IReadOnlyList<PublicationReader> Associations);
