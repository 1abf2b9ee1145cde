using Decoupling.Domain.Checklists;

namespace Decoupling.Domain.Routing;

/// <summary>
/// One row of the routing table the leading-group office edits: items of <see cref="Category"/> (optionally only
/// those with <see cref="ItemCode"/> or whose text contains <see cref="Keyword"/>) are reviewed by
/// <see cref="DepartmentCodes"/>. <see cref="SupervisoryUnitToken"/> stands for the association's own supervisory unit.
/// </summary>
public class RoutingRule
{
    public const string SupervisoryUnitToken = "@supervisory";

    public Guid Id { get; set; } = Guid.NewGuid();

    public SeparationCategory Category { get; set; }

    public string? ItemCode { get; set; }

    /// <summary>Text to look for in the item; "a|b" matches either.</summary>
    public string? Keyword { get; set; }

    public List<string> DepartmentCodes { get; set; } = [];

    public string? Note { get; set; }

    public int SortOrder { get; set; }
}
