namespace Decoupling.Domain.Seeding;

/// <summary>Names of the files in the seed/ folder.</summary>
public static class SeedFiles
{
    public const string Departments = "departments.json";
    public const string Routing = "routing.json";
    public const string Holidays = "holidays-2026.json";
    public const string Users = "users.json";
    public const string Register = "register.xlsx";
    public const string ChecklistTemplate = "checklist-template.xlsx";

    /// <summary>Password of every demo account (documented in seed/README.md); change it outside a demo.</summary>
    public const string DemoPassword = "Luozhuang#2026";

    public const string DefaultTemplateName = "脱钩事项清单（五分离）";

    /// <summary>Finds seed/ by walking up from <paramref name="start"/> (the repository root holds it).</summary>
    public static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed");
            if (File.Exists(Path.Combine(candidate, Departments)))
            {
                return candidate;
            }
        }

        return null;
    }
}
