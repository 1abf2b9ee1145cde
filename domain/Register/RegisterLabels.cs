using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Register;

/// <summary>Chinese names of registration statuses and outcomes, for display and for reading spreadsheets.</summary>
public static class RegisterLabels
{
    public static string Display(RegistrationStatus status) => DomainText.Get("REGISTRATION_STATUS_" + status);

    public static string Display(DecouplingOutcome outcome) => DomainText.Get("OUTCOME_" + outcome);

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var cleaned = (text ?? "").Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (cleaned == candidate.ToString() || cleaned == Label(candidate))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Choices<T>()
        where T : struct, Enum =>
        string.Join("、", Enum.GetValues<T>().Select(Label));

    private static string Label<T>(T value)
        where T : struct, Enum => value switch
        {
            RegistrationStatus s => Display(s),
            DecouplingOutcome o => Display(o),
            _ => value.ToString(),
        };
}
