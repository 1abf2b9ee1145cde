namespace Decoupling.Workflows.Tests;

/// <summary>Finds the repository's workflows/ and seed/ folders from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Locate();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string Seed => Path.Combine(Root, "seed");

    public static string Flow(string key) => Path.Combine(Workflows, key + ".bpmn");

    public static string ReadFlow(string key) => File.ReadAllText(Flow(key));

    public static string Simulations => Path.Combine(AppContext.BaseDirectory, "Simulations");

    public static readonly string[] FlowKeys = ["decoupling", "item-review", "registration", "unit-summary", "evaluation", "risk-report", "audit-check", "regularization"];

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElsaDecoupling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ElsaDecoupling.sln not found above " + AppContext.BaseDirectory);
    }
}
