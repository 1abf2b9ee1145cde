using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Activities.Documents;

/// <summary>Fonts of Chinese official documents: titles in 宋体 (bold), body in 仿宋; eastAsia set so Word uses them for Han text.</summary>
public static class ChineseFonts
{
    public const string Title = "宋体";
    public const string Body = "仿宋";

    public static RunFonts Fonts(string face) => new() { Ascii = face, HighAnsi = face, EastAsia = face, ComplexScript = face };

    public static RunProperties Run(string face, int halfPoints, bool bold = false)
    {
        var properties = new RunProperties(Fonts(face));
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        properties.Append(new Languages { EastAsia = "zh-CN" });
        return properties;
    }
}
