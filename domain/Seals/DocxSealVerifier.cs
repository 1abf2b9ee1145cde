using System.Text;
using Decoupling.Domain.Common;
using Decoupling.Domain.Crypto;
using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Seals;

/// <summary>
/// Checks the seals of a .docx with nothing but the file (and, optionally, the published trust list of unit keys):
/// each signature against its key, the signed content digest against the file's, the picture against its digest, and
/// the visible seal block against what the seals render. The command line's <c>verify</c> and the API use it.
/// </summary>
public static class DocxSealVerifier
{
    public static SealReport Verify(byte[] docx, string fileName, IReadOnlyCollection<TrustedKey>? trusted = null)
    {
        IReadOnlyList<EmbeddedSeal> seals;
        string digest;
        string actualBlock;
        try
        {
            seals = DocxSeals.Read(docx, fileName);
            digest = DocxSeals.ContentDigest(docx, fileName);
            actualBlock = DocxSeals.ActualBlock(docx, fileName);
        }
        catch (DomainException damaged)
        {
            return new SealReport(fileName, "", [], damaged.Message);
        }

        if (seals.Count == 0)
        {
            return new SealReport(fileName, digest, [], DomainText.Get(DomainErrorCodes.SealNone, fileName));
        }

        // the bytes around the parts (zip headers) must be the layout sealing wrote
        if (!CanonicalZip.IsCanonical(docx))
        {
            return new SealReport(fileName, digest, [], DomainText.Get(DomainErrorCodes.SealContainerChanged, fileName));
        }

        var blockIntact = actualBlock == DocxSeals.RenderBlock(seals);
        var lines = new List<SealReportLine>();
        for (var i = 0; i < seals.Count; i++)
        {
            lines.Add(Check(i + 1, seals[i], docx, fileName, digest, blockIntact, trusted));
        }

        return new SealReport(fileName, digest, lines, null);
    }

    private static SealReportLine Check(int index, EmbeddedSeal seal, byte[] docx, string fileName, string digest, bool blockIntact, IReadOnlyCollection<TrustedKey>? trusted)
    {
        var payload = SealPayload.Parse(seal.PayloadText);
        var unit = payload?.UnitName ?? "?";
        var signer = payload?.Signer ?? "?";
        var keyId = "";
        var isTrusted = trusted is null;
        byte[] publicKey, signature;
        try
        {
            publicKey = Convert.FromHexString(seal.PublicKey);
            signature = Convert.FromBase64String(seal.Signature);
        }
        catch (FormatException)
        {
            return Line(DomainText.Get(DomainErrorCodes.SealSignatureInvalid, index, unit, signer));
        }

        keyId = Sm2.KeyId(publicKey);
        isTrusted = trusted is null || trusted.Any(k => string.Equals(k.PublicKey, seal.PublicKey, StringComparison.OrdinalIgnoreCase));
        if (payload is null || payload.KeyId != keyId || !Sm2.Verify(publicKey, Encoding.UTF8.GetBytes(seal.PayloadText), signature))
        {
            return Line(DomainText.Get(DomainErrorCodes.SealSignatureInvalid, index, unit, signer));
        }

        if (payload.ContentDigest != digest || !blockIntact)
        {
            return Line(DomainText.Get(DomainErrorCodes.SealDigestMismatch, index, unit, signer, payload.ContentDigest, blockIntact ? digest : "（印章区被改动）"));
        }

        var image = DocxSeals.ImageOf(docx, fileName, seal);
        if (image is null || Sm3.Hex(image) != payload.ImageDigest)
        {
            return Line(DomainText.Get(DomainErrorCodes.SealImageMismatch, index, unit));
        }

        if (!isTrusted)
        {
            return Line(DomainText.Get(DomainErrorCodes.SealKeyUntrusted, index, unit, keyId));
        }

        return Line(null);

        SealReportLine Line(string? problem) =>
            new(index, unit, signer, payload?.SealedAt, keyId, isTrusted, problem is null, problem);
    }
}
