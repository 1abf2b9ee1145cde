namespace Decoupling.Domain.Checklists;

/// <summary>A reusable list of items under the five separations, copied into each association's checklist.</summary>
public class ChecklistTemplate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public bool IsDefault { get; set; }

    public List<ChecklistTemplateItem> Items { get; set; } = [];
}
