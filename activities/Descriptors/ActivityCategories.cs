namespace Decoupling.Activities.Descriptors;

/// <summary>The palette groups of the custom activities (id and Chinese name).</summary>
public static class ActivityCategories
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["documents"] = "文书",
        ["review"] = "审核",
        ["registration"] = "登记",
        ["notification"] = "通知",
        ["evaluation"] = "评估",
        ["audit"] = "审计",
        ["checklist"] = "清单",
        ["progress"] = "进度",
    };
}
