using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Decoupling.Domain.Crypto;

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM mode: confidentiality and integrity for secrets at rest (unit private keys,
/// data-protection keys). Output: 12-byte nonce ‖ ciphertext ‖ 16-byte tag; the associated data binds a ciphertext to
/// its owner so it cannot be moved to another record.
/// </summary>
public static class Sm4Gcm
{
    public const int KeySize = 16;
    private const int NonceSize = 12;
    private const int TagBits = 128;

    public static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(true, new AeadParameters(new KeyParameter(key), TagBits, nonce, associatedData));
        var output = new byte[cipher.GetOutputSize(plaintext.Length)];
        var length = cipher.ProcessBytes(plaintext.ToArray(), 0, plaintext.Length, output, 0);
        length += cipher.DoFinal(output, length);
        return [.. nonce, .. output.AsSpan(0, length)];
    }

    /// <summary>Null when the key is wrong or the ciphertext (or its associated data) was changed.</summary>
    public static byte[]? Decrypt(byte[] key, ReadOnlySpan<byte> sealedData, byte[] associatedData)
    {
        if (sealedData.Length < NonceSize + TagBits / 8)
        {
            return null;
        }

        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(false, new AeadParameters(new KeyParameter(key), TagBits, sealedData[..NonceSize].ToArray(), associatedData));
        var body = sealedData[NonceSize..].ToArray();
        var output = new byte[cipher.GetOutputSize(body.Length)];
        try
        {
            var length = cipher.ProcessBytes(body, 0, body.Length, output, 0);
            length += cipher.DoFinal(output, length);
            return output[..length];
        }
        catch (InvalidCipherTextException)
        {
            return null;
        }
    }
}
