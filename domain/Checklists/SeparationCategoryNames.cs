using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Checklists;

/// <summary>Chinese names of the five separations, for display and for reading spreadsheets.</summary>
public static class SeparationCategoryNames
{
    public static string Display(SeparationCategory category) => DomainText.Get("CATEGORY_" + category);

    public static bool TryParse(string? text, out SeparationCategory category)
    {
        var cleaned = (text ?? "").Trim().Replace("，", "、").Replace(",", "、");
        foreach (var candidate in Enum.GetValues<SeparationCategory>())
        {
            if (cleaned == Display(candidate) || cleaned == candidate.ToString()
                || cleaned == Display(candidate).Replace("、", ""))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }

    public static string AllDisplayed() => string.Join("、", Enum.GetValues<SeparationCategory>().Select(Display));
}
