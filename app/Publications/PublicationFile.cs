namespace Decoupling.Application.Publications;

/// <summary>An attachment as uploaded: its bytes and the name the uploader gave it (only displayed; the content decides its kind).</summary>
public sealed record PublicationFile(string FileName, Stream Content);
