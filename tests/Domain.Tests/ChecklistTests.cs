using Decoupling.Domain.Checklists;
using Decoupling.Domain.Common;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public class ChecklistTests
{
    private static ChecklistItem Complete(int number, ChecklistItemStatus status = ChecklistItemStatus.Draft) => new()
    {
        Number = number, Status = status, EvidenceDocumentIds = [Guid.NewGuid()], SituationBefore = "与业务主管单位合署办公",
        SeparationMeasure = "另行租赁办公用房", Deadline = new DateOnly(2026, 6, 30), ResponsibleUnit = "协会秘书处",
    };

    [Fact]
    public void An_item_goes_from_draft_to_done_through_review()
    {
        var item = Complete(1);

        foreach (var to in new[] { ChecklistItemStatus.SelfChecked, ChecklistItemStatus.Verified, ChecklistItemStatus.InReview,
                     ChecklistItemStatus.Approved, ChecklistItemStatus.Done })
        {
            ChecklistItemStateMachine.Move(item, to);
        }

        Assert.Equal(ChecklistItemStatus.Done, item.Status);
    }

    [Fact]
    public void A_returned_item_goes_back_to_self_check()
    {
        var item = Complete(2, ChecklistItemStatus.InReview);

        ChecklistItemStateMachine.Move(item, ChecklistItemStatus.Returned);
        ChecklistItemStateMachine.Move(item, ChecklistItemStatus.SelfChecked);

        Assert.Equal(ChecklistItemStatus.SelfChecked, item.Status);
    }

    [Fact]
    public void An_item_is_confirmed_only_with_situation_measure_deadline_and_responsible_unit()
    {
        var item = new ChecklistItem { Number = 5, SituationBefore = "合署办公" };

        var error = Assert.Throws<DomainException>(() => ChecklistItemStateMachine.Move(item, ChecklistItemStatus.SelfChecked));

        Assert.Equal(DomainErrorCodes.ChecklistItemIncomplete, error.Code);
        Assert.Contains("第 5 项", error.Message, StringComparison.Ordinal);
        Assert.Contains("分离措施、完成时限、责任单位", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("脱钩前情况", error.Message, StringComparison.Ordinal);
        Assert.Equal(ChecklistItemStatus.Draft, item.Status);
    }

    [Fact]
    public void An_item_that_does_not_apply_needs_a_reason_and_no_evidence_and_skips_the_departments()
    {
        var item = new ChecklistItem { Number = 6, NotApplicable = true };
        var error = Assert.Throws<DomainException>(() => ChecklistItemStateMachine.Move(item, ChecklistItemStatus.SelfChecked));
        Assert.Contains("不涉及的理由", error.Message, StringComparison.Ordinal);

        item.NotApplicableReason = "协会无行政机关划转的资产";
        ChecklistItemStateMachine.Move(item, ChecklistItemStatus.SelfChecked);
        ChecklistItemStateMachine.Move(item, ChecklistItemStatus.Verified);
        ChecklistItemStateMachine.Move(item, ChecklistItemStatus.Done);

        Assert.Equal(ChecklistItemStatus.Done, item.Status);
    }

    [Fact]
    public void An_item_that_applies_cannot_skip_the_departments_review()
    {
        var item = Complete(7, ChecklistItemStatus.Verified);

        var error = Assert.Throws<DomainException>(() => ChecklistItemStateMachine.Move(item, ChecklistItemStatus.Done));

        Assert.Equal(DomainErrorCodes.ChecklistTransitionIllegal, error.Code);
        Assert.Equal(ChecklistItemStatus.Verified, item.Status);
    }

    [Theory]
    [InlineData(ChecklistItemStatus.Draft, ChecklistItemStatus.Approved)]
    [InlineData(ChecklistItemStatus.SelfChecked, ChecklistItemStatus.InReview)]
    [InlineData(ChecklistItemStatus.Returned, ChecklistItemStatus.Approved)]
    [InlineData(ChecklistItemStatus.Done, ChecklistItemStatus.Draft)]
    [InlineData(ChecklistItemStatus.InReview, ChecklistItemStatus.Done)]
    public void An_illegal_transition_is_refused_with_a_clear_code(ChecklistItemStatus from, ChecklistItemStatus to)
    {
        var item = new ChecklistItem { Number = 3, Status = from, EvidenceDocumentIds = [Guid.NewGuid()] };

        var error = Assert.Throws<DomainException>(() => ChecklistItemStateMachine.Move(item, to));

        Assert.Equal(DomainErrorCodes.ChecklistTransitionIllegal, error.Code);
        Assert.Contains(ChecklistItemStateMachine.Display(from), error.Message);
        Assert.Equal(from, item.Status);
    }

    [Fact]
    public void Done_needs_evidence()
    {
        var item = new ChecklistItem { Number = 4, Status = ChecklistItemStatus.Approved };

        var error = Assert.Throws<DomainException>(() => ChecklistItemStateMachine.Move(item, ChecklistItemStatus.Done));

        Assert.Equal(DomainErrorCodes.ChecklistEvidenceRequired, error.Code);
        Assert.Equal(ChecklistItemStatus.Approved, item.Status);
    }

    [Fact]
    public async Task A_checklist_from_the_template_has_reviewers_from_the_routing_table()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var association = await db.Associations.SingleAsync(a => a.Name == "临沂市罗庄区陶瓷行业协会");

        var checklist = await new ChecklistService(db, TimeProvider.System).CreateFromTemplateAsync(association.Id);

        Assert.Equal(16, checklist.Items.Count);
        Assert.Equal(["jxj", "bb"], checklist.Items.Single(i => i.ItemCode == "ORG-04").ReviewingDepartmentCodes);
        Assert.Equal(["czj", "jgswj"], checklist.Items.Single(i => i.ItemCode == "AST-02").ReviewingDepartmentCodes);
        Assert.All(checklist.Items, i => Assert.Equal(ChecklistItemStatus.Draft, i.Status));
    }

    [Fact]
    public async Task A_checklist_exports_and_imports_in_the_template_layout()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var association = await db.Associations.SingleAsync(a => a.Name == "临沂市罗庄区物流行业协会");
        var service = new ChecklistService(db, TimeProvider.System);
        await service.CreateFromTemplateAsync(association.Id);
        using var exported = new MemoryStream();
        await service.ExportAsync(association.Id, exported);

        var rows = Workbooks.Read(exported);
        Assert.Equal(ChecklistColumns.All, rows[0].Keys);
        rows[0][ChecklistColumns.SituationBefore] = "与区商务局合署办公";
        rows[0][ChecklistColumns.Deadline] = "2026-03-31";
        var report = await service.ImportAsync(association.Id, Workbooks.Write(rows.Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value))), dryRun: false);

        Assert.True(report.IsValid, string.Join("\n", report.Issues.Select(i => i.Describe())));
        var item = await db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Number == 1 && i.ChecklistId == db.Checklists.Single(c => c.AssociationId == association.Id).Id);
        Assert.Equal("与区商务局合署办公", item.SituationBefore);
        Assert.Equal(new DateOnly(2026, 3, 31), item.Deadline);
        Assert.Equal(["swj"], item.ReviewingDepartmentCodes);
    }

    [Fact]
    public async Task A_checklist_import_with_bad_rows_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var association = await db.Associations.SingleAsync(a => a.Name == "临沂市罗庄区餐饮行业协会");
        var service = new ChecklistService(db, TimeProvider.System);
        await service.CreateFromTemplateAsync(association.Id);
        var rows = new List<Dictionary<string, object?>>
        {
            new() { [ChecklistColumns.Number] = 1, [ChecklistColumns.Category] = "机构分离", [ChecklistColumns.Title] = "改", [ChecklistColumns.SituationBefore] = "新情况" },
            new() { [ChecklistColumns.Number] = "一", [ChecklistColumns.Category] = "机构分离", [ChecklistColumns.Title] = "x" },
            new() { [ChecklistColumns.Number] = 30, [ChecklistColumns.Category] = "六分离", [ChecklistColumns.Title] = "y" },
        };

        var report = await service.ImportAsync(association.Id, Workbooks.Write(rows), dryRun: false);

        Assert.Contains(report.Issues, i => i is { Row: 3, Column: ChecklistColumns.Number });
        Assert.Contains(report.Issues, i => i is { Row: 4, Column: ChecklistColumns.Category });
        var checklist = await service.GetAsync(association.Id);
        Assert.Null(checklist!.Items.Single(i => i.Number == 1).SituationBefore);
        Assert.Equal(16, checklist.Items.Count);
    }
}
