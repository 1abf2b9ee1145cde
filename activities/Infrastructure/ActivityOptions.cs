namespace Decoupling.Activities.Infrastructure;

/// <summary>Where the activities find their data files: the seed folder (templates/, evaluation-indicators.json).</summary>
public sealed class ActivityOptions
{
    public string SeedFolder { get; set; } = "seed";

    public string TemplatesFolder => Path.Combine(SeedFolder, "templates");
}
