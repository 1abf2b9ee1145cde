using Decoupling.Domain.Checklists;
using Decoupling.Domain.Register;
using Decoupling.Domain.Seeding;
using Decoupling.Domain.Tests.Support;

namespace Decoupling.Domain.Tests;

/// <summary>
/// The committed seed workbooks are what the generator writes. Run with SEED_REGENERATE=1 to rewrite them:
/// <c>SEED_REGENERATE=1 dotnet test tests/Domain.Tests --filter SeedWorkbookTests</c>.
/// </summary>
public class SeedWorkbookTests
{
    public SeedWorkbookTests()
    {
        if (Environment.GetEnvironmentVariable("SEED_REGENERATE") == "1")
        {
            using (var register = File.Create(Path.Combine(TestDatabase.SeedFolder, SeedFiles.Register)))
            {
                SeedWorkbookGenerator.WriteRegister(register);
            }

            using var template = File.Create(Path.Combine(TestDatabase.SeedFolder, SeedFiles.ChecklistTemplate));
            SeedWorkbookGenerator.WriteChecklistTemplate(template);
        }
    }

    [Fact]
    public void Committed_register_workbook_matches_its_generator()
    {
        using var expected = new MemoryStream();
        SeedWorkbookGenerator.WriteRegister(expected);
        using var committed = File.OpenRead(Path.Combine(TestDatabase.SeedFolder, SeedFiles.Register));
        var expectedRows = Workbooks.Read(expected);
        var committedRows = Workbooks.Read(committed);

        Assert.Equal(30, committedRows.Count);
        Assert.Equal(expectedRows.Select(Flatten), committedRows.Select(Flatten));
    }

    [Fact]
    public void Committed_checklist_template_matches_its_generator()
    {
        using var committed = File.OpenRead(Path.Combine(TestDatabase.SeedFolder, SeedFiles.ChecklistTemplate));
        var (template, issues) = ChecklistService.ReadTemplate("t", committed);

        Assert.Empty(issues);
        Assert.Equal(SeedWorkbookGenerator.TemplateItems.Select(i => (i.Code, i.Category, i.Title)),
            template!.Items.Select(i => (i.Code, i.Category, i.Title)));
    }

    [Fact]
    public void Seed_register_credit_codes_are_all_valid()
    {
        using var committed = File.OpenRead(Path.Combine(TestDatabase.SeedFolder, SeedFiles.Register));
        var codes = Workbooks.Read(committed).Select(r => r[RegisterColumns.CreditCode] as string).OfType<string>().ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(UnifiedSocialCreditCode.Validate(code).IsValid, code));
        Assert.All(codes, code => Assert.StartsWith("51371311", code));
    }

    private static string Flatten(IDictionary<string, object?> row) =>
        string.Join("|", row.Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
}
