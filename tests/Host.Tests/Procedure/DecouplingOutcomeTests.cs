using System.Text.Json.Nodes;
using Decoupling.Domain.Register;
using Decoupling.Engine.Entities;
using Decoupling.Host.Tests.EndToEnd;
using Decoupling.TestSupport;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// Each outcome of the decoupling case's own tasks and of the item reviews, through the HTTP API as the people who decide
/// (R8, R11–R14): what happens next, to whom, with which reason, and what the register and the issued documents say.
/// </summary>
public sealed class DecouplingOutcomeTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    [Fact]
    public async Task Returns_at_every_step_go_back_with_their_reason_and_the_case_still_ends_decoupled()
    {
        var (id, staff, name) = await platform.FreshAssociationAsync("jxj");
        var oldCertificate = (await platform.AssociationAsync(id)).CertificateNumber;
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var root = await driver.StartDecouplingAsync("jxj");
        var association = await driver.AsAsync(staff);
        var unit = await driver.AsAsync("jxj");
        await driver.RunDueJobsAsync();
        Assert.Equal(DecouplingOutcome.InProgress, (await platform.AssociationAsync(id)).Outcome);

        // 核实清单 · 退回协会修改: every self-checked item goes back with the reason, told at once, and is editable again
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "selfCheck"));
        const string verifyReason = "办公用房腾退没有写明时间，请补充";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "verify"), new TaskAnswer("return", [], verifyReason));
        var selfCheckAgain = await driver.TaskAtAsync(root, "selfCheck");
        Assert.Equal(verifyReason, await ScenarioPlatform.FieldAsync(association, selfCheckAgain.Id, "verifyOpinion"));
        var items = (await association.GetFromJsonAsync<JsonObject>($"/api/associations/{id}/checklist/"))!["items"]!.AsArray();
        Assert.All(items, i => Assert.Equal("Returned", i!["status"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal(verifyReason, i!["returnReason"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("区经济和信息化局", i!["returnedBy"]!.GetValue<string>()));

        // 核实无误 → both seals → the plan
        await driver.CompleteAsync(selfCheckAgain);
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "verify"));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "sealAssociation"));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "sealUnit"));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "editPlan"));

        // 审核方案 · 退回修改: the unit gets the plan back with the office's reason
        const string planReason = "实施步骤缺少完成时间";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "officeReview"), new TaskAnswer("return", [], planReason));
        var editAgain = await driver.TaskAtAsync(root, "editPlan");
        Assert.Equal(planReason, await ScenarioPlatform.FieldAsync(unit, editAgain.Id, "planOpinion"));
        await driver.CompleteAsync(editAgain);
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "officeReview"));

        // item reviews: the unit returns one item for correction, a department refuses one, the office asks it to review again
        const string correction = "请补充代管单位人员分流去向";
        const string refusal = "资产清查报告未经会计师事务所审计，不予同意。";
        const string coordination = "审计报告已补充，请重新审核";
        string? returnedItem = null, refusedBy = null;
        await driver.RunAsync(root, task => task.ElementId switch
        {
            "sReview" when returnedItem is null => Remember(ref returnedItem, task.Name!, new TaskAnswer("return", [], correction)),
            "dReview" when refusedBy is null => Remember(ref refusedBy, driver.UserFor(task), new TaskAnswer("reject", [], refusal)),
            "dCoordinate" => new TaskAnswer("rereview", [], coordination),
            _ => null,
        }, until: task => task.ElementId == "uploadEvidence");
        Assert.NotNull(returnedItem);
        Assert.NotNull(refusedBy);
        Assert.Contains(driver.Log, l => l.StartsWith("sCorrection:", StringComparison.Ordinal));
        Assert.Contains(driver.Log, l => l.StartsWith("dCoordinate:leading:rereview", StringComparison.Ordinal));

        // the refusal is a document of the department, with the reviewer's own reasons, a number and a Chinese date
        var refusalText = await ScenarioPlatform.TextAsync(association, Assert.Single(await platform.DocumentsAsync(id, "不予同意审核意见书")));
        Assert.Contains(refusal, refusalText, StringComparison.Ordinal);
        Assert.Contains(name, refusalText, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日", refusalText);
        Assert.DoesNotMatch(@"\b(czj|jgswj|bb|zzb|rsj|wsb)\b", refusalText);

        // every approval is numbered in the deciding department's name and carries the reviewer's opinion
        var reviews = (await platform.DocumentsAsync(id, "审核意见书")).Where(d => !d.FileName.Contains("不予同意", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reviews);
        foreach (var review in reviews)
        {
            var text = await ScenarioPlatform.TextAsync(association, review);
            Assert.Contains("具体方案符合本部门职责要求", text, StringComparison.Ordinal);
            Assert.Matches(@"罗\p{IsCJKUnifiedIdeographs}+审〔2026〕\d+号", text);
            Assert.Matches(@"区\p{IsCJKUnifiedIdeographs}+(局|办|部)", text);
        }

        // 确认完成 · 退回补充: the association redoes the implementation with the unit's reason
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "uploadEvidence"));
        const string confirmReason = "缺少办公用房租赁合同";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "confirmDone"), new TaskAnswer("return", [], confirmReason));
        var evidenceAgain = await driver.TaskAtAsync(root, "uploadEvidence");
        Assert.Equal(confirmReason, await ScenarioPlatform.FieldAsync(association, evidenceAgain.Id, "confirmOpinion"));
        await driver.CompleteAsync(evidenceAgain);
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "confirmDone"));

        // 前台受理 · 一次性告知补正: a notice with everything missing, the applicant supplements, then the window accepts
        const string missing = "请补充会员大会通过章程修改的决议";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "intake"), new TaskAnswer("supplement", [], missing));
        await driver.RunDueJobsAsync();
        var notice = Assert.Single(await platform.DocumentsAsync(id, "补正材料通知书"));
        Assert.Contains(missing, await ScenarioPlatform.TextAsync(association, notice), StringComparison.Ordinal);
        var supplement = await driver.TaskAtAsync(root, "applicantSupplement");
        Assert.Equal(staff, driver.UserFor(supplement));
        await driver.CompleteAsync(supplement);
        await driver.RunAsync(root);

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        var after = await platform.AssociationAsync(id);
        Assert.Null(after.SupervisoryUnitId);
        Assert.Equal(DecouplingOutcome.Decoupled, after.Outcome);
        Assert.NotEqual(oldCertificate, after.CertificateNumber);
        // the register's history names the case and the step in Chinese, never an element id
        var history = await platform.HistoryAsync(id);
        Assert.Contains(history, c => c.ChangedBy.Contains("登记办理", StringComparison.Ordinal));
        Assert.DoesNotContain(history, c => c.ChangedBy.Contains("applyChange", StringComparison.Ordinal) || c.ChangedBy.Contains("流程:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_change_registration_leaves_the_register_and_certificate_and_the_unit_may_stop()
    {
        var (id, staff, name) = await platform.FreshAssociationAsync("swj");
        var before = await platform.AssociationAsync(id);
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var root = await driver.StartDecouplingAsync("swj");
        await driver.RunAsync(root, until: task => task.ElementId == "changeApproval");

        const string reason = "章程修改未经会员大会表决通过";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "changeApproval"), new TaskAnswer("reject", [], reason));
        await driver.RunAsync(root, until: task => task.ElementId == "registrationRefused");

        // nothing of the register changed, no certificate was issued, the decision gives reasons and remedies
        var refused = await platform.AssociationAsync(id);
        Assert.Equal(before.SupervisoryUnitId, refused.SupervisoryUnitId);
        Assert.Equal(before.CertificateNumber, refused.CertificateNumber);
        Assert.Empty(await platform.DocumentsAsync(id, "登记证书"));
        var association = await driver.AsAsync(staff);
        var decision = await ScenarioPlatform.TextAsync(association, Assert.Single(await platform.DocumentsAsync(id, "不予许可决定书")));
        Assert.Contains(reason, decision, StringComparison.Ordinal);
        Assert.Contains("行政复议", decision, StringComparison.Ordinal);
        Assert.Contains("行政诉讼", decision, StringComparison.Ordinal);
        Assert.Contains("区民政局", decision, StringComparison.Ordinal);
        Assert.Contains(name, decision, StringComparison.Ordinal);

        // the unit is asked what to do, sees the authority's reason, and stops the case with its own
        var choice = await driver.TaskAtAsync(root, "registrationRefused");
        var unit = await driver.AsAsync("swj");
        Assert.Contains(reason, await ScenarioPlatform.FieldAsync(unit, choice.Id, "registrationOpinion"), StringComparison.Ordinal);
        await driver.CompleteAsync(choice, new TaskAnswer("stop", [], "协会决定暂缓脱钩，待章程修改后再申请"));
        await driver.RunAsync(root);

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        var stopped = await platform.AssociationAsync(id);
        Assert.Equal(DecouplingOutcome.SetAside, stopped.Outcome);
        Assert.Contains("暂缓脱钩", stopped.OutcomeReason, StringComparison.Ordinal);
        Assert.Equal(before.SupervisoryUnitId, stopped.SupervisoryUnitId);
        Assert.DoesNotContain(driver.Log, l => l.StartsWith("notifyDone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_refusal_the_unit_may_apply_again_and_the_second_application_decouples()
    {
        var (id, staff, _) = await platform.FreshAssociationAsync("zjj");
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var root = await driver.StartDecouplingAsync("zjj");
        var refusedOnce = new HashSet<string>();
        await driver.RunAsync(root, task => task.ElementId switch
        {
            "filing" when refusedOnce.Add("filing") => new TaskAnswer("reject", [], "印章式样不符合规定"),
            "articlesApproval" when refusedOnce.Add("articlesApproval") => new TaskAnswer("reject", [], "章程第十条与登记管理条例不符"),
            "registrationRefused" => new TaskAnswer("reapply", []),
            _ => null,
        });

        var journal = await platform.Engine.GetJournalAsync(root);
        Assert.Equal(2, journal.Count(j => j.Kind == "call-started" && j.ElementId == "registration"));
        var after = await platform.AssociationAsync(id);
        Assert.Null(after.SupervisoryUnitId);
        Assert.Equal(DecouplingOutcome.Decoupled, after.Outcome);
        var association = await driver.AsAsync(staff);
        var decision = await ScenarioPlatform.TextAsync(association, Assert.Single(await platform.DocumentsAsync(id, "不予许可决定书")));
        // both refusals of the first application are in its one decision
        Assert.Contains("印章式样不符合规定", decision, StringComparison.Ordinal);
        Assert.Contains("章程第十条与登记管理条例不符", decision, StringComparison.Ordinal);
        Assert.Single(await platform.DocumentsAsync(id, "登记证书"));
    }

    [Fact]
    public async Task A_refused_item_that_the_office_ends_sets_the_association_aside_and_closes_every_open_review()
    {
        var (id, staff, _) = await platform.FreshAssociationAsync("nyj");
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var root = await driver.StartDecouplingAsync("nyj");
        await driver.RunAsync(root, until: task => task.ElementId == "sReview");

        var review = (await driver.OpenTasksAsync(root)).First(t => t.ElementId == "sReview");
        await driver.CompleteAsync(review, new TaskAnswer("reject", [], "该事项涉及行政职能划转，不同意分离"));
        var coordinate = await driver.TaskAtAsync(root, "sCoordinate");
        var office = await driver.AsAsync("leading");
        Assert.Contains("不同意分离", await ScenarioPlatform.FieldAsync(office, coordinate.Id, "opinion"), StringComparison.Ordinal);
        await driver.CompleteAsync(coordinate, new TaskAnswer("end", [], "暂缓脱钩，待机构改革后再推进"));
        await driver.RunDueJobsAsync();

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        Assert.Empty(await driver.OpenTasksAsync(root));
        var after = await platform.AssociationAsync(id);
        Assert.Equal(DecouplingOutcome.SetAside, after.Outcome);
        Assert.Contains("暂缓脱钩，待机构改革后再推进", after.OutcomeReason, StringComparison.Ordinal);
        Assert.NotNull(after.SupervisoryUnitId);
        var journal = await platform.Engine.GetJournalAsync(root);
        Assert.Contains(journal, j => j.ElementId == "ended" && j.Kind == "completed");
        Assert.DoesNotContain(journal, j => j.ElementId == "registration");
    }

    [Fact]
    public async Task A_department_refusal_that_the_office_ends_issues_the_refusal_in_the_departments_name_and_sets_the_association_aside()
    {
        var (id, staff, _) = await platform.FreshAssociationAsync("zjj");
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var root = await driver.StartDecouplingAsync("zjj");
        await driver.RunAsync(root, until: task => task.ElementId == "dReview");

        var review = (await driver.OpenTasksAsync(root)).First(t => t.ElementId == "dReview");
        await driver.CompleteAsync(review, new TaskAnswer("reject", [], "资产清查结果未经审计确认，不同意划转"));
        var coordinate = await driver.TaskAtAsync(root, "dCoordinate");
        var office = await driver.AsAsync("leading");
        Assert.Contains("未经审计确认", await ScenarioPlatform.FieldAsync(office, coordinate.Id, "opinion"), StringComparison.Ordinal);
        await driver.CompleteAsync(coordinate, new TaskAnswer("end", [], "待资产审计完成后另行启动"));
        await driver.RunDueJobsAsync();

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        Assert.Empty(await driver.OpenTasksAsync(root));
        var after = await platform.AssociationAsync(id);
        Assert.Equal(DecouplingOutcome.SetAside, after.Outcome);
        Assert.Contains("待资产审计完成后另行启动", after.OutcomeReason, StringComparison.Ordinal);
        Assert.NotNull(after.SupervisoryUnitId);
        // the refusal is the department's own numbered decision with its reasons, issued whatever the office decides next
        var refusal = await ScenarioPlatform.TextAsync(office, Assert.Single(await platform.DocumentsAsync(id, "不予同意审核意见书")));
        Assert.Contains("资产清查结果未经审计确认，不同意划转", refusal, StringComparison.Ordinal);
        Assert.Matches(@"罗\p{IsCJKUnifiedIdeographs}+审〔2026〕\d+号", refusal);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日", refusal);
        Assert.DoesNotMatch(@"\b(czj|jgswj|bb|zzb|rsj|wsb)\b", refusal);
        Assert.DoesNotContain((await platform.Engine.GetJournalAsync(root)), j => j.ElementId == "registration");
    }

    private static TaskAnswer Remember(ref string? slot, string value, TaskAnswer answer)
    {
        slot = value;
        return answer;
    }
}
