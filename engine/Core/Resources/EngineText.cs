using System.Globalization;
using System.Resources;

namespace Decoupling.Engine.Resources;

/// <summary>
/// User-facing engine messages, looked up by stable code in the .resx files beside this class (Chinese, the neutral
/// culture) so English satellites can be added without touching code. One file per area (runtime, parser, expressions)
/// keeps them apart. A missing code falls back to the code itself.
/// </summary>
public static class EngineText
{
    private static readonly ResourceManager[] Resources =
    [
        new("Decoupling.Engine.Resources.RuntimeMessages", typeof(EngineText).Assembly),
        new("Decoupling.Engine.Resources.ParserMessages", typeof(EngineText).Assembly),
        new("Decoupling.Engine.Resources.ExpressionMessages", typeof(EngineText).Assembly),
    ];

    public static string Get(Errors.EngineError error, params object?[] args) => Get(error.Code, args);

    public static string Get(string code, params object?[] args)
    {
        string? format = null;
        foreach (var resources in Resources)
        {
            try
            {
                format = resources.GetString(code, CultureInfo.CurrentUICulture);
            }
            catch (MissingManifestResourceException)
            {
                // an area without messages yet
            }

            if (format is not null)
            {
                break;
            }
        }

        format ??= code;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }
}
