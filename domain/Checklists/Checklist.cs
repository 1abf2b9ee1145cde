namespace Decoupling.Domain.Checklists;

/// <summary>The decoupling checklist (脱钩事项清单) of one association.</summary>
public class Checklist
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssociationId { get; set; }

    public Guid? TemplateId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ChecklistItem> Items { get; set; } = [];
}
