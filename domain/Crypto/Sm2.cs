using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Decoupling.Domain.Crypto;

/// <summary>
/// SM2 signatures (GB/T 32918-2016) on the recommended curve sm2p256v1, with SM3 and the default signer ID
/// 1234567812345678 (GB/T 35276-2017). Keys travel as bytes: the private key as 32 bytes, the public key as the
/// uncompressed point 04‖x‖y (65 bytes); signatures are DER-encoded (r, s).
/// </summary>
public static class Sm2
{
    public static readonly byte[] DefaultUserId = "1234567812345678"u8.ToArray();

    public static readonly ECDomainParameters Curve = CreateCurve();

    public static (byte[] PrivateKey, byte[] PublicKey) GenerateKeyPair(SecureRandom? random = null)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, random ?? new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var privateKey = ((ECPrivateKeyParameters)pair.Private).D.ToByteArrayUnsigned();
        return (Pad(privateKey), ((ECPublicKeyParameters)pair.Public).Q.GetEncoded(false));
    }

    /// <summary>The public key of a private key (used to check that a decrypted key belongs to its record).</summary>
    public static byte[] PublicKeyOf(byte[] privateKey, ECDomainParameters? curve = null)
    {
        var domain = curve ?? Curve;
        return domain.G.Multiply(new BigInteger(1, privateKey)).Normalize().GetEncoded(false);
    }

    public static byte[] Sign(byte[] privateKey, ReadOnlySpan<byte> message, SecureRandom? random = null, ECDomainParameters? curve = null, byte[]? userId = null)
    {
        var signer = new SM2Signer();
        ICipherParameters key = new ECPrivateKeyParameters(new BigInteger(1, privateKey), curve ?? Curve);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, random ?? new SecureRandom()), userId ?? DefaultUserId));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public static bool Verify(byte[] publicKey, ReadOnlySpan<byte> message, byte[] signature, ECDomainParameters? curve = null, byte[]? userId = null)
    {
        try
        {
            var domain = curve ?? Curve;
            var point = domain.Curve.DecodePoint(publicKey);
            var signer = new SM2Signer();
            signer.Init(false, new ParametersWithID(new ECPublicKeyParameters(point, domain), userId ?? DefaultUserId));
            signer.BlockUpdate(message);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or Org.BouncyCastle.Asn1.Asn1Exception or IOException)
        {
            // a malformed key or signature is simply not a valid seal
            return false;
        }
    }

    /// <summary>Short, stable name of a public key: the first 16 hex digits of its SM3 digest.</summary>
    public static string KeyId(byte[] publicKey) => Sm3.Hex(publicKey)[..16];

    private static byte[] Pad(byte[] value) => value.Length >= 32 ? value : [.. new byte[32 - value.Length], .. value];

    private static ECDomainParameters CreateCurve()
    {
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        return new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H, x9.GetSeed());
    }
}
