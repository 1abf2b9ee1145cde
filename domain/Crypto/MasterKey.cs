using System.Text;
using Decoupling.Domain.Common;

namespace Decoupling.Domain.Crypto;

/// <summary>
/// The platform's key-encryption key (128-bit SM4). It never lives in the database: it comes from configuration
/// (<c>Security:MasterKey</c>, 32 hex digits, e.g. from an environment variable or a secret store), or — for the
/// embedded default only — from a file the host generates under the data folder, which start-up warns about.
/// Separate keys for separate purposes are derived from it with HMAC-SM3, so a key for one use opens nothing else.
/// </summary>
public sealed class MasterKey
{
    private readonly byte[] key;

    public MasterKey(byte[] key)
    {
        if (key.Length != Sm4Gcm.KeySize)
        {
            throw new DomainException(DomainErrorCodes.MasterKeyInvalid, key.Length * 2);
        }

        this.key = key;
    }

    public static MasterKey FromHex(string hex)
    {
        var trimmed = hex.Trim();
        if (trimmed.Length != Sm4Gcm.KeySize * 2 || !trimmed.All(Uri.IsHexDigit))
        {
            throw new DomainException(DomainErrorCodes.MasterKeyInvalid, trimmed.Length);
        }

        return new MasterKey(Convert.FromHexString(trimmed));
    }

    /// <summary>The key of a file, generating one (owner-only permissions) when the file does not exist yet.</summary>
    public static MasterKey FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Sm4Gcm.KeySize));
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(Encoding.ASCII.GetBytes(fresh));
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return FromHex(File.ReadAllText(path));
    }

    /// <summary>A 128-bit key for one purpose ("unit-keys", "data-protection", "backup-manifest").</summary>
    public byte[] Derive(string purpose) => Sm3.Hmac(key, Encoding.UTF8.GetBytes("luozhuang/" + purpose))[..Sm4Gcm.KeySize];

    public byte[] Encrypt(string purpose, ReadOnlySpan<byte> plaintext, string owner) =>
        Sm4Gcm.Encrypt(Derive(purpose), plaintext, Encoding.UTF8.GetBytes(owner));

    public byte[]? Decrypt(string purpose, ReadOnlySpan<byte> sealedData, string owner) =>
        Sm4Gcm.Decrypt(Derive(purpose), sealedData, Encoding.UTF8.GetBytes(owner));

    public byte[] Mac(string purpose, ReadOnlySpan<byte> data) => Sm3.Hmac(Derive(purpose), data);
}
