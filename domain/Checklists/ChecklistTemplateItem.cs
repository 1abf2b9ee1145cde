namespace Decoupling.Domain.Checklists;

/// <summary>One typical item of a template, e.g. ORG-04 "代管事业单位的撤并、注销或划转".</summary>
public class ChecklistTemplateItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TemplateId { get; set; }

    public int Number { get; set; }

    /// <summary>Stable item code the routing table may refer to.</summary>
    public string Code { get; set; } = "";

    public SeparationCategory Category { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Suggested separation measure, prefilled for the association to adapt.</summary>
    public string? SuggestedMeasure { get; set; }
}
