using Decoupling.Application.Errors;
using Decoupling.Domain.Publications;

namespace Decoupling.Application.Publications;

/// <summary>The kinds as people name them (通知, 政策解读); the API also accepts the enum names.</summary>
public static class PublicationKinds
{
    public static readonly IReadOnlyList<string> Names = ["通知", "政策解读"];

    public static string Name(PublicationKind kind) => kind == PublicationKind.PolicyInterpretation ? Names[1] : Names[0];

    public static PublicationKind Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            throw new AppException(AppErrors.PublicationFieldRequired, "类别") { Field = "kind" };
        }

        if (value == Names[0] || value.Equals(nameof(PublicationKind.Notice), StringComparison.OrdinalIgnoreCase))
        {
            return PublicationKind.Notice;
        }

        if (value == Names[1] || value.Equals(nameof(PublicationKind.PolicyInterpretation), StringComparison.OrdinalIgnoreCase))
        {
            return PublicationKind.PolicyInterpretation;
        }

        throw new AppException(AppErrors.PublicationKindUnknown, value, string.Join("、", Names)) { Field = "kind" };
    }
}
