namespace Decoupling.Domain.Seals;

/// <summary>One seal as stored inside a .docx (the custom XML part): what was signed, the signature, the key, the picture.</summary>
public sealed record EmbeddedSeal(string PayloadText, string Signature, string PublicKey, string ImageRelationshipId, string ImagePart);
