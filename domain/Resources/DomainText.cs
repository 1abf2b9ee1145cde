using System.Globalization;
using System.Resources;

namespace Decoupling.Domain.Resources;

/// <summary>
/// User-facing domain messages, looked up by stable code in DomainMessages.resx (Chinese, the neutral culture) so an
/// English satellite can be added without touching code. A missing code falls back to the code itself.
/// </summary>
public static class DomainText
{
    private static readonly ResourceManager Resources =
        new("Decoupling.Domain.Resources.DomainMessages", typeof(DomainText).Assembly);

    public static string Get(string code, params object?[] args)
    {
        var format = Resources.GetString(code, CultureInfo.CurrentUICulture) ?? code;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }
}
