using System.Text;

namespace Decoupling.Domain.Documents;

/// <summary>
/// Makes a user-supplied file name safe to show and to offer as a download name: directory parts, control
/// characters, reserved characters and leading dots are dropped; Chinese letters are kept.
/// </summary>
public static class FileNameSanitizer
{
    private const int MaxLength = 150;
    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitize(string? name)
    {
        var raw = (name ?? "").Replace('\\', '/');
        // keep only the last path segment: "../../etc/passwd" becomes "passwd"
        raw = raw[(raw.LastIndexOf('/') + 1)..];

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || Reserved.Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "file";
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = cleaned[..(MaxLength - extension.Length)] + extension;
        }

        return cleaned;
    }
}
