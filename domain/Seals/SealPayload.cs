using System.Globalization;
using System.Text;

namespace Decoupling.Domain.Seals;

/// <summary>
/// What a seal signs: a short UTF-8 text, one "name: value" per line, so a person (or another tool) can read exactly
/// what the unit confirmed. <see cref="ContentDigest"/> is the SM3 digest of the file, or for a .docx of its content
/// without the seals (<see cref="DocxContentDigest"/>); <see cref="ImageDigest"/> binds the visible seal image.
/// </summary>
public sealed record SealPayload(
    string ContentDigest,
    string ImageDigest,
    string Signer,
    string UnitName,
    string KeyId,
    DateTimeOffset SealedAt,
    string DocumentName)
{
    public const string Header = "luozhuang-seal/1";

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        Line(text, "digest-algorithm", "SM3");
        Line(text, "content-digest", ContentDigest);
        Line(text, "image-digest", ImageDigest);
        Line(text, "signer", Signer);
        Line(text, "unit", UnitName);
        Line(text, "unit-key", KeyId);
        Line(text, "sealed-at", SealedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Line(text, "document", DocumentName);
        return text.ToString();
    }

    /// <summary>Reads a payload back; null when it is not one (a forged or damaged seal).</summary>
    public static SealPayload? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0] != Header)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !values.TryAdd(line[..colon], line[(colon + 2)..]))
            {
                return null;
            }
        }

        if (values.GetValueOrDefault("digest-algorithm") != "SM3"
            || !DateTimeOffset.TryParse(values.GetValueOrDefault("sealed-at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }

        return new SealPayload(
            values.GetValueOrDefault("content-digest") ?? "",
            values.GetValueOrDefault("image-digest") ?? "",
            values.GetValueOrDefault("signer") ?? "",
            values.GetValueOrDefault("unit") ?? "",
            values.GetValueOrDefault("unit-key") ?? "",
            at,
            values.GetValueOrDefault("document") ?? "");
    }

    // a value never spans lines: a name with a line break must not be able to forge another field
    private static void Line(StringBuilder text, string name, string value) =>
        text.Append(name).Append(": ").Append(value.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
}
