using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Decoupling.Domain.Crypto;

/// <summary>SM3 (GB/T 32905-2016), the digest of the audit chain, documents, seals and backups; and HMAC-SM3.</summary>
public static class Sm3
{
    public const int Size = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var output = new byte[Size];
        digest.DoFinal(output, 0);
        return output;
    }

    public static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Hash(data));

    public static async Task<string> HexAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var digest = new SM3Digest();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            digest.BlockUpdate(buffer, 0, read);
        }

        var output = new byte[Size];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    public static async Task<string> FileHexAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, true);
        return await HexAsync(file, cancellationToken);
    }

    public static byte[] Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }
}
