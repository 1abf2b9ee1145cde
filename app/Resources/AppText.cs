using System.Globalization;
using System.Resources;

namespace Decoupling.Application.Resources;

/// <summary>User-facing messages of the application layer by stable code (Chinese, the neutral culture).</summary>
public static class AppText
{
    private static readonly ResourceManager Messages = new("Decoupling.Application.Resources.AppMessages", typeof(AppText).Assembly);

    public static string Get(string code, params object?[] args)
    {
        var format = Messages.GetString(code, CultureInfo.CurrentUICulture) ?? code;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }
}
