namespace Decoupling.Host.Components.Services;

/// <summary>Who sealed or signed, as one line: the unit, then the person, without saying the unit twice when the person's name already carries it.</summary>
public static class SignerText
{
    public static string Of(string unitName, string displayName) =>
        string.IsNullOrWhiteSpace(unitName) || displayName.Contains(unitName, StringComparison.Ordinal) ? displayName : $"{unitName} {displayName}";
}
