using Decoupling.Domain.Common;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Decoupling.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Checklists;

/// <summary>
/// Per-association checklists: created from a template with reviewing departments taken from the routing table,
/// edited while the association holds the item, moved through <see cref="ChecklistItemStateMachine"/>, and
/// imported/exported in the template's spreadsheet layout.
/// </summary>
public sealed class ChecklistService(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Before the departments' review starts an item can still be written (who may write what is the application's rule).</summary>
    public static readonly IReadOnlyList<ChecklistItemStatus> Editable =
        [ChecklistItemStatus.Draft, ChecklistItemStatus.SelfChecked, ChecklistItemStatus.Verified, ChecklistItemStatus.Returned];

    public Task<Checklist?> GetAsync(Guid associationId, CancellationToken cancellationToken = default) =>
        db.Checklists.AsNoTracking().Include(c => c.Items.OrderBy(i => i.Number))
            .FirstOrDefaultAsync(c => c.AssociationId == associationId, cancellationToken);

    public async Task<Checklist> CreateFromTemplateAsync(Guid associationId, Guid? templateId = null,
        CancellationToken cancellationToken = default)
    {
        var association = await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == associationId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "协会商会", associationId);
        if (await db.Checklists.AnyAsync(c => c.AssociationId == associationId, cancellationToken))
        {
            throw new DomainException(DomainErrorCodes.ChecklistAlreadyExists);
        }

        var template = await db.ChecklistTemplates.AsNoTracking().Include(t => t.Items)
            .Where(t => templateId == null ? t.IsDefault : t.Id == templateId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.ChecklistTemplateMissing);

        var supervisoryCode = await SupervisoryCodeAsync(association.SupervisoryUnitId, cancellationToken);
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        var now = Clock.Now(time);
        var checklist = new Checklist { AssociationId = associationId, TemplateId = template.Id, CreatedAt = now };
        foreach (var templateItem in template.Items.OrderBy(i => i.Number))
        {
            checklist.Items.Add(new ChecklistItem
            {
                ChecklistId = checklist.Id,
                Number = templateItem.Number,
                ItemCode = templateItem.Code,
                Category = templateItem.Category,
                Title = templateItem.Title,
                SeparationMeasure = templateItem.SuggestedMeasure,
                ReviewingDepartmentCodes = RoutingService.Resolve(rules.Where(r => r.Category == templateItem.Category),
                    templateItem.Code, templateItem.Title, supervisoryCode).ToList(),
                Status = ChecklistItemStatus.Draft,
                UpdatedAt = now,
            });
        }

        db.Checklists.Add(checklist);
        await db.SaveChangesAsync(cancellationToken);
        return checklist;
    }

    public async Task<ChecklistItem> UpdateItemAsync(Guid itemId, ChecklistItemEdit edit, CancellationToken cancellationToken = default)
    {
        var item = await FindItemAsync(itemId, cancellationToken);
        if (!Editable.Contains(item.Status))
        {
            throw new DomainException(DomainErrorCodes.ChecklistItemLocked, item.Number, ChecklistItemStateMachine.Display(item.Status));
        }

        if (edit.ReviewingDepartmentCodes is { } codes)
        {
            var known = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
            var unknown = codes.FirstOrDefault(c => !known.Contains(c));
            if (unknown is not null)
            {
                throw new DomainException(DomainErrorCodes.DepartmentCodeUnknown, unknown);
            }

            item.ReviewingDepartmentCodes = codes.Distinct().ToList();
        }

        item.SituationBefore = edit.SituationBefore;
        item.SeparationMeasure = edit.SeparationMeasure;
        item.Deadline = edit.Deadline;
        item.ResponsibleUnit = edit.ResponsibleUnit;
        item.ResponsiblePerson = edit.ResponsiblePerson;
        if (edit.NotApplicable is { } notApplicable)
        {
            item.NotApplicable = notApplicable;
            item.NotApplicableReason = notApplicable ? edit.NotApplicableReason?.Trim() : null;
        }

        return await SaveItemAsync(item, cancellationToken);
    }

    /// <summary>
    /// Moves an item (see <see cref="ChecklistItemStateMachine"/>). Returning needs a reason, kept on the item with who
    /// returned it until the item is verified again; an approval keeps the reviewer's opinion.
    /// </summary>
    public async Task<ChecklistItem> MoveAsync(Guid itemId, ChecklistItemStatus to, string? opinion = null,
        CancellationToken cancellationToken = default, string? by = null)
    {
        var item = await FindItemAsync(itemId, cancellationToken);
        if (to == ChecklistItemStatus.Returned && string.IsNullOrWhiteSpace(opinion))
        {
            throw new DomainException(DomainErrorCodes.ChecklistReturnReasonRequired, item.Number);
        }

        ChecklistItemStateMachine.Move(item, to);
        switch (to)
        {
            case ChecklistItemStatus.Returned:
                item.ReturnReason = opinion!.Trim();
                item.ReturnedBy = by;
                break;
            case ChecklistItemStatus.Verified:
                item.ReturnReason = null;
                item.ReturnedBy = null;
                break;
            case ChecklistItemStatus.Approved when opinion is not null:
                item.ReviewOpinion = opinion;
                break;
        }

        return await SaveItemAsync(item, cancellationToken);
    }

    public async Task<ChecklistItem> AttachEvidenceAsync(Guid itemId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var item = await FindItemAsync(itemId, cancellationToken);
        if (!await db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            throw new DomainException(DomainErrorCodes.NotFound, "文件", documentId);
        }

        if (!item.EvidenceDocumentIds.Contains(documentId))
        {
            item.EvidenceDocumentIds = [.. item.EvidenceDocumentIds, documentId];
        }

        return await SaveItemAsync(item, cancellationToken);
    }

    public async Task ExportAsync(Guid associationId, Stream output, CancellationToken cancellationToken = default)
    {
        var checklist = await GetAsync(associationId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "脱钩事项清单", associationId);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        await ChecklistSheet.WriteAsync(output, checklist.Items, names, cancellationToken);
    }

    /// <summary>
    /// Fills the association's checklist from a spreadsheet in the template layout: rows update the item with the
    /// same 序号 (only while the association holds it) or add a new draft item. All rows or none.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Guid associationId, Stream file, bool dryRun, CancellationToken cancellationToken = default)
    {
        var checklist = await db.Checklists.Include(c => c.Items).FirstOrDefaultAsync(c => c.AssociationId == associationId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "脱钩事项清单", associationId);
        var (rows, issues) = ChecklistSheet.Read(file);
        var departments = await DepartmentCodesByNameAsync(cancellationToken);
        var association = await db.Associations.AsNoTracking().FirstAsync(a => a.Id == associationId, cancellationToken);
        var supervisoryCode = await SupervisoryCodeAsync(association.SupervisoryUnitId, cancellationToken);
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        var now = Clock.Now(time);
        var changes = new List<Action>();

        foreach (var row in rows)
        {
            var codes = new List<string>();
            foreach (var name in row.ReviewingDepartments)
            {
                if (departments.TryGetValue(DepartmentDirectory.NormalizeName(name), out var code))
                {
                    codes.Add(code);
                }
                else
                {
                    issues.Add(new ImportIssue(row.RowNumber, ChecklistColumns.ReviewingDepartments, DomainErrorCodes.DepartmentCodeUnknown,
                        DomainText.Get(DomainErrorCodes.DepartmentCodeUnknown, name)));
                }
            }

            var item = checklist.Items.FirstOrDefault(i => i.Number == row.Number);
            if (item is not null && !Editable.Contains(item.Status))
            {
                issues.Add(new ImportIssue(row.RowNumber, ChecklistColumns.Number, DomainErrorCodes.ChecklistItemLocked,
                    DomainText.Get(DomainErrorCodes.ChecklistItemLocked, item.Number, ChecklistItemStateMachine.Display(item.Status))));
                continue;
            }

            if (codes.Count == 0)
            {
                codes = RoutingService.Resolve(rules.Where(r => r.Category == row.Category), row.ItemCode, row.Title, supervisoryCode).ToList();
            }

            changes.Add(() =>
            {
                var target = item ?? new ChecklistItem { ChecklistId = checklist.Id, Number = row.Number, Status = ChecklistItemStatus.Draft };
                target.ItemCode = row.ItemCode;
                target.Category = row.Category;
                target.Title = row.Title;
                target.SituationBefore = row.SituationBefore;
                target.SeparationMeasure = row.SeparationMeasure;
                target.Deadline = row.Deadline;
                target.ResponsibleUnit = row.ResponsibleUnit;
                target.ResponsiblePerson = row.ResponsiblePerson;
                target.ReviewingDepartmentCodes = codes.Distinct().ToList();
                target.UpdatedAt = now;
                target.ConcurrencyStamp = Guid.NewGuid();
                if (item is null)
                {
                    db.ChecklistItems.Add(target);
                }
            });
        }

        if (issues.Count > 0 || dryRun)
        {
            return new ImportReport(dryRun, rows.Count, 0, issues);
        }

        changes.ForEach(apply => apply());
        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(false, rows.Count, changes.Count, []);
    }

    /// <summary>Loads a template from a spreadsheet in the checklist layout (the seed's checklist-template.xlsx).</summary>
    public static (ChecklistTemplate? Template, IReadOnlyList<ImportIssue> Issues) ReadTemplate(string name, Stream file)
    {
        var (rows, issues) = ChecklistSheet.Read(file);
        if (issues.Count > 0)
        {
            return (null, issues);
        }

        var template = new ChecklistTemplate { Name = name };
        template.Items.AddRange(rows.Select(r => new ChecklistTemplateItem
        {
            TemplateId = template.Id, Number = r.Number, Code = r.ItemCode ?? $"ITEM-{r.Number:00}", Category = r.Category,
            Title = r.Title, SuggestedMeasure = r.SeparationMeasure,
        }));
        return (template, issues);
    }

    private async Task<Dictionary<string, string>> DepartmentCodesByNameAsync(CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, string>();
        foreach (var d in await db.Departments.AsNoTracking().ToListAsync(cancellationToken))
        {
            map.TryAdd(d.Code, d.Code);
            map.TryAdd(DepartmentDirectory.NormalizeName(d.Name), d.Code);
            if (d.ShortName is not null)
            {
                map.TryAdd(DepartmentDirectory.NormalizeName(d.ShortName), d.Code);
            }
        }

        return map;
    }

    private async Task<string?> SupervisoryCodeAsync(Guid? supervisoryUnitId, CancellationToken cancellationToken) =>
        supervisoryUnitId is null ? null
            : await db.Departments.Where(d => d.Id == supervisoryUnitId).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);

    private async Task<ChecklistItem> FindItemAsync(Guid itemId, CancellationToken cancellationToken) =>
        await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken)
        ?? throw new DomainException(DomainErrorCodes.NotFound, "清单事项", itemId);

    private async Task<ChecklistItem> SaveItemAsync(ChecklistItem item, CancellationToken cancellationToken)
    {
        item.UpdatedAt = Clock.Now(time);
        item.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(DomainErrorCodes.ConcurrencyConflict, $"清单事项 {item.Number}");
        }

        return item;
    }
}
