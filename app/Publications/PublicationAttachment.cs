namespace Decoupling.Application.Publications;

/// <summary>An attached document as a reader sees it; downloaded through the document store's read rule.</summary>
public sealed record PublicationAttachment(Guid DocumentId, string FileName, long Size);
