using Decoupling.Host.Setup;

namespace Decoupling.Host.Cli;

/// <summary>
/// The configuration a command-line tool sees: the host's own (appsettings.json, environment variables such as
/// Database__Provider and ConnectionStrings__Default) plus <c>--Name=value</c> arguments, so a backup reads the same
/// database and folders the running platform uses.
/// </summary>
public static class CommandConfiguration
{
    public static (IConfiguration Configuration, PlatformSettings Settings, string[] Arguments) Load(string[] args)
    {
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        return (configuration, PlatformSettings.From(configuration, AppContext.BaseDirectory), args.Except(settings).ToArray());
    }
}
