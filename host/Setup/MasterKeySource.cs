using Decoupling.Domain.Crypto;

namespace Decoupling.Host.Setup;

/// <summary>
/// Where the master key comes from: <c>Security:MasterKey</c> (32 hex digits; production sets it from a secret), else
/// a key generated once into <c>{DataFolder}/secrets/master.key</c> (owner-only), which start-up warns about because
/// it lies beside the data it protects. Backups never copy it: keep it apart, a restore needs the same key.
/// </summary>
public static class MasterKeySource
{
    public static string FileOf(PlatformSettings settings) => Path.Combine(settings.DataFolder, "secrets", "master.key");

    public static MasterKey Load(IConfiguration configuration, PlatformSettings settings) =>
        configuration["Security:MasterKey"] is { Length: > 0 } hex ? MasterKey.FromHex(hex) : MasterKey.FromFile(FileOf(settings));

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["Security:MasterKey"]);
}
