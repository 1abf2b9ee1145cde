using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Decoupling.Engine.Model.Forms;

/// <summary>
/// What a value of each field type looks like in JSON, checked the same way at deploy (defaults) and at run time
/// (submissions): strings are JSON strings, long a JSON integer, boolean true/false, date "yyyy-MM-dd", enum one of the ids.
/// </summary>
public static class FormValues
{
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Checks a default written in the definition (always text there); null when valid, else what is wrong.</summary>
    public static string? Check(FormFieldType type, IReadOnlyList<FormValue> values, string text) => type switch
    {
        FormFieldType.Long when !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => "整数",
        FormFieldType.Boolean when text is not ("true" or "false") => "true 或 false",
        FormFieldType.Date when !TryDate(text, out _) => DateFormat,
        FormFieldType.Enum when values.All(v => v.Id != text) => string.Join("、", values.Select(v => v.Id)),
        _ => null,
    };

    /// <summary>The typed JSON value of a definition's text (a default), or null when it does not fit the type.</summary>
    public static JsonNode? FromText(FormFieldType type, string text) => type switch
    {
        FormFieldType.Long => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null,
        FormFieldType.Boolean => text switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), _ => null },
        _ => JsonValue.Create(text),
    };

    /// <summary>Is this JSON value of the field's type? (null is handled by the caller: it means "not filled in").</summary>
    public static bool HasType(FormField field, JsonNode value)
    {
        if (value is not JsonValue scalar)
        {
            return false;
        }

        return field.Type switch
        {
            FormFieldType.String => scalar.GetValueKind() == JsonValueKind.String,
            FormFieldType.Long => scalar.GetValueKind() == JsonValueKind.Number && TryLong(scalar, out _),
            FormFieldType.Boolean => scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            FormFieldType.Date => scalar.TryGetValue<string>(out var text) && TryDate(text, out _),
            FormFieldType.Enum => scalar.TryGetValue<string>(out _),
            _ => false,
        };
    }

    /// <summary>A JSON number that is a whole number fitting a long, whichever CLR type holds it (parsed or built in code).</summary>
    public static bool TryLong(JsonNode value, out long number) =>
        long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    /// <summary>The name of a type as people read it.</summary>
    public static string TypeName(FormFieldType type) => type switch
    {
        FormFieldType.Long => "整数",
        FormFieldType.Boolean => "是或否",
        FormFieldType.Date => "日期（yyyy-MM-dd）",
        FormFieldType.Enum => "选项之一",
        _ => "文本",
    };
}
