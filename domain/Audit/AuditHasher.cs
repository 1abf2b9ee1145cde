using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Decoupling.Domain.Crypto;

namespace Decoupling.Domain.Audit;

/// <summary>
/// The one definition of what an audit row's hash covers; writing and verifying both use it. New rows use SM3
/// (GB/T 39786 asks for the national algorithms); rows written before keep SHA-256, named by their own column.
/// </summary>
public static class AuditHasher
{
    public const string Sm3 = "SM3";
    public const string Sha256 = "SHA-256";

    public static string Compute(AuditEntry entry)
    {
        var content = string.Join('\n',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.PreviousHash,
            entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Details);
        return entry.Algorithm switch
        {
            // the algorithm is part of what an SM3 row's hash covers, so a row cannot be relabelled to the weaker rule
            Sm3 => Crypto.Sm3.Hex(Encoding.UTF8.GetBytes(Sm3 + "\n" + content)),
            Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))),
            _ => "",
        };
    }
}
