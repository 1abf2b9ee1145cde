using OtpNet;

namespace Decoupling.TestSupport;

/// <summary>
/// The three seeded administrators and their DEMO authenticator keys (seed/users.json, demoTotpSecret): the tests sign
/// in as an authenticator app would, with the current code.
/// </summary>
public static class DemoAdmins
{
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["sysadmin"] = "DEMOSYSADMINTOTPLUOZHUANGXXXXXXX",
        ["secadmin"] = "DEMOSECADMINTOTPLUOZHUANGXXXXXXX",
        ["auditadmin"] = "DEMOAUDITADMINTOTPLUOZHUANGXXXXX",
    };

    public static bool IsAdmin(string userName) => Secrets.ContainsKey(userName);

    /// <summary>The current code of an authenticator holding <paramref name="base32Secret"/>.</summary>
    public static string CodeOf(string base32Secret) => new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp();

    /// <summary>The current code for a demo administrator, or null for any other account.</summary>
    public static string? CodeFor(string userName) => Secrets.TryGetValue(userName, out var secret) ? CodeOf(secret) : null;
}
