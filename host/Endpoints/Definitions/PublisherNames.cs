namespace Decoupling.Host.Endpoints.Definitions;

/// <summary>
/// Who published a version, as a person reads it: the platform's own first deployment is not an account called
/// "startup", and a colleague is named by their display name rather than their login.
/// </summary>
public static class PublisherNames
{
    /// <summary>The deployer the platform's start-up records for the flows of workflows/.</summary>
    public const string Startup = "startup";

    public static string Of(string? deployedBy, IReadOnlyDictionary<string, string> displayNames) => deployedBy switch
    {
        null or "" => "—",
        Startup => "平台初始发布",
        "system" => "系统",
        // an account removed since it published keeps its login: the version still says who it was
        _ => displayNames.GetValueOrDefault(deployedBy, deployedBy),
    };
}
