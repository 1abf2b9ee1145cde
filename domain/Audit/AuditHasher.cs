using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Decoupling.Domain.Audit;

/// <summary>The one definition of what an audit row's hash covers; writing and verifying both use it.</summary>
public static class AuditHasher
{
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
