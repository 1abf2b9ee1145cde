using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Inspection;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Engine.Entities;
using Decoupling.Host.Tests.EndToEnd;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// The outcomes of oversight (R15, R16, R21–R24, R2): the unit's summary and its receipt, an audit's finding tracked to
/// closure, the evaluation's findings in its report, an important-situation report through every branch, and the clean-up
/// of a body that cannot be decoupled — each started through the API by whoever the definition allows.
/// </summary>
public sealed class OversightOutcomeTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    private static async Task<Guid> StartAsync(HttpClient client, object body)
    {
        var started = await client.PostAsJsonAsync("/api/instances", body);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> RefusedAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        return problem;
    }

    [Fact]
    public async Task An_audit_finding_goes_to_the_association_and_its_unit_and_closes_only_when_the_auditor_accepts_the_rectification()
    {
        var (id, staff, _) = await platform.FreshAssociationAsync("spj");
        var office = await platform.Factory.SignedInAsync("leading");
        var root = await StartAsync(office, new { key = "audit-check", businessKey = id.ToString() });
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var check = await driver.TaskAtAsync(root, "auditCheck");
        Assert.Equal("auditor", driver.UserFor(check));

        // a finding needs its deadline
        var auditor = await driver.AsAsync("auditor");
        var noDeadline = await RefusedAsync(await auditor.PostAsJsonAsync($"/api/tasks/{check.Id}/complete",
            new { outcome = "finding", comment = "会费收入未入账", variables = new JsonObject { ["fundFindings"] = "2025年会费3.2万元未入账" } }), "ENGINE_FORM_FIELD_REQUIRED_FOR");
        Assert.Contains("整改期限", noDeadline["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await driver.CompleteAsync(check, new TaskAnswer("finding", new JsonObject { ["fundFindings"] = "2025年会费3.2万元未入账", ["rectifyBy"] = "2026-12-31" }, "会费收入未入账，责令整改"));
        var rectify = await driver.TaskAtAsync(root, "rectify");
        Assert.Contains("assoc:" + id, rectify.CandidateGroups, StringComparison.Ordinal);
        Assert.Contains("dept:spj", rectify.CandidateGroups, StringComparison.Ordinal);
        await driver.CompleteAsync(rectify, new TaskAnswer("submit", new JsonObject { ["rectificationReport"] = "已补记入账" }));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "reviewRectification"), new TaskAnswer("return", [], "缺少银行流水"));

        var again = await driver.TaskAtAsync(root, "rectify");
        Assert.Equal("缺少银行流水", await ScenarioPlatform.FieldAsync(await driver.AsAsync(staff), again.Id, "reviewOpinion"));
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            var open = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditFindings.AsNoTracking().SingleAsync(f => f.AssociationId == id);
            Assert.NotEqual(AuditFindingStatus.Closed, open.Status);
            Assert.Equal(new DateOnly(2026, 12, 31), open.RectifyBy);
        }

        await driver.CompleteAsync(again, new TaskAnswer("submit", new JsonObject { ["rectificationReport"] = "已补记入账并附银行流水" }));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "reviewRectification"));
        await driver.RunDueJobsAsync();

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            var closed = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditFindings.AsNoTracking().SingleAsync(f => f.AssociationId == id);
            Assert.Equal(AuditFindingStatus.Closed, closed.Status);
            Assert.Equal("已补记入账并附银行流水", closed.RectificationReport);
            Assert.NotNull(closed.ClosedAt);
        }
    }

    [Fact]
    public async Task A_returned_summary_goes_back_to_the_unit_with_the_reason_and_the_received_one_ends_with_the_unit_ledger()
    {
        // two of the unit's associations have decoupled: the unit's audit draw picks among them
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var unit = await db.Departments.SingleAsync(d => d.Code == "nyj");
            var done = await db.Associations.Where(a => a.SupervisoryUnitId == unit.Id && !a.Exempt).OrderBy(a => a.Name).Take(2).Select(a => a.Id).ToListAsync();
            await db.Associations.Where(a => done.Contains(a.Id)).ExecuteUpdateAsync(a => a.SetProperty(x => x.Outcome, DecouplingOutcome.Decoupled));
        }

        var office = await platform.Factory.SignedInAsync("leading");
        var root = await StartAsync(office, new { key = "unit-summary", businessKey = "nyj", variables = new JsonObject { ["orderNote"] = "请于12月底前报送" } });
        var driver = new ProcedureDriver(platform.Factory, Guid.Empty, "nobody");
        var edit = await driver.TaskAtAsync(root, "editSummary");
        Assert.Equal("nyj", driver.UserFor(edit));
        Assert.Equal("请于12月底前报送", await ScenarioPlatform.FieldAsync(await driver.AsAsync("nyj"), edit.Id, "orderNote"));
        await driver.CompleteAsync(edit);
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "receiveSummary"), new TaskAnswer("return", [], "缺少分离事项统计表"));
        var again = await driver.TaskAtAsync(root, "editSummary");
        Assert.Equal("缺少分离事项统计表", await ScenarioPlatform.FieldAsync(await driver.AsAsync("nyj"), again.Id, "summaryOpinion"));

        await driver.RunAsync(root);

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        var summaries = await platform.DocumentsAsync(null, "脱钩工作总结");
        var text = await ScenarioPlatform.TextAsync(office, Assert.Single(summaries, d => d.FileName.Contains("区农业局", StringComparison.Ordinal)));
        Assert.Contains("区农业局", text, StringComparison.Ordinal);
        // the audit draw of the unit ran as audit cases in the auditor's inbox
        Assert.Contains(driver.Log, l => l.StartsWith("auditCheck:auditor:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_evaluator_asks_for_more_then_the_report_carries_the_findings_and_the_evaluator()
    {
        var office = await platform.Factory.SignedInAsync("leading");
        var root = await StartAsync(office, new { key = "evaluation", variables = new JsonObject { ["orderNote"] = "按省评估办法评估" } });
        var driver = new ProcedureDriver(platform.Factory, Guid.Empty, "nobody");
        var review = await driver.TaskAtAsync(root, "evaluatorReview");
        var evaluator = await driver.AsAsync("evaluator");

        // passing needs the findings that go into the report
        await RefusedAsync(await evaluator.PostAsJsonAsync($"/api/tasks/{review.Id}/complete", new { outcome = "approve" }), "ENGINE_FORM_FIELD_REQUIRED_FOR");
        await driver.CompleteAsync(review, new TaskAnswer("revise", [], "请补充各单位办公用房腾退佐证"));
        var revise = await driver.TaskAtAsync(root, "officeRevise");
        Assert.Equal("请补充各单位办公用房腾退佐证", await ScenarioPlatform.FieldAsync(office, revise.Id, "reviseRequest"));
        await driver.CompleteAsync(revise, new TaskAnswer("resubmit", new JsonObject { ["officeNote"] = "已补充腾退佐证12份" }));
        const string findings = "全区脱钩任务按期完成，机构、职能、资产财务、人员管理、党建外事五分离到位。";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "evaluatorReview"),
            new TaskAnswer("approve", new JsonObject { ["findings"] = findings, ["evaluatorName"] = "第三方评估机构" }));
        await driver.RunAsync(root);

        var report = (await platform.DocumentsAsync(null, "成效评估报告")).Last();
        var text = await ScenarioPlatform.TextAsync(office, report);
        Assert.Contains(findings, text, StringComparison.Ordinal);
        Assert.Contains("第三方评估机构", text, StringComparison.Ordinal);
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().EvaluationRecords.AsNoTracking().SingleAsync();
        Assert.Equal(findings, record.Findings);
        Assert.Equal(report.Id, record.ReportDocumentId);
    }

    [Fact]
    public async Task An_important_situation_is_forwarded_escalated_and_answered_and_every_branch_is_reachable()
    {
        var (id, staff, name) = await platform.FreshAssociationAsync("gsj");
        var association = await platform.Factory.SignedInAsync(staff);
        var root = await StartAsync(association, new
        {
            key = "risk-report",
            variables = new JsonObject
            {
                ["title"] = "原主管单位拒不移交档案", ["severity"] = "serious", ["description"] = "脱钩后原主管单位仍保管协会会计档案，多次催要未移交。",
                ["proposal"] = "请领导小组办公室协调",
            },
        });
        var driver = new ProcedureDriver(platform.Factory, id, staff);
        var handle = await driver.TaskAtAsync(root, "officeHandle");
        var office = await driver.AsAsync("leading");
        Assert.Equal(name, await ScenarioPlatform.FieldAsync(office, handle.Id, "associationName"));

        // 批转 needs the department
        await RefusedAsync(await office.PostAsJsonAsync($"/api/tasks/{handle.Id}/complete", new { outcome = "forward", comment = "请协调" }), "ENGINE_FORM_FIELD_REQUIRED_FOR");
        await driver.CompleteAsync(handle, new TaskAnswer("forward", new JsonObject { ["forwardTo"] = "jgswj" }, "请机关事务管理局协调移交"));
        var department = await driver.TaskAtAsync(root, "departmentHandle");
        Assert.Equal("jgswj", driver.UserFor(department));
        await driver.CompleteAsync(department, new TaskAnswer("done", new JsonObject { ["handlingResult"] = "已约谈原主管单位，限期一周移交" }));

        var back = await driver.TaskAtAsync(root, "officeHandle");
        Assert.Equal("已约谈原主管单位，限期一周移交", await ScenarioPlatform.FieldAsync(office, back.Id, "handlingResult"));
        await driver.CompleteAsync(back, new TaskAnswer("escalate", [], "逾期仍未移交，提请领导小组研究"));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "leaderInstruct"), new TaskAnswer("instructed", new JsonObject { ["instruction"] = "由区机关事务管理局督促三日内移交" }));
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "officeHandle"), new TaskAnswer("answer", [], "档案已移交协会"));
        await driver.RunDueJobsAsync();

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var notices = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Notifications.AsNoTracking().Where(n => n.RecipientUserId == staff).ToListAsync();
        Assert.Contains(notices, n => n.Title.Contains("原主管单位拒不移交档案", StringComparison.Ordinal) && n.Body.Contains("档案已移交协会", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_clean_up_revokes_or_merges_a_body_with_a_numbered_decision_and_the_register_says_so()
    {
        var office = await platform.Factory.SignedInAsync("leading");
        var (revokedId, _, revokedName) = await platform.FreshAssociationAsync("zjj");
        var revokeRoot = await StartAsync(office, new { key = "regularization", businessKey = revokedId.ToString() });
        var driver = new ProcedureDriver(platform.Factory, revokedId, "nobody");
        var assess = await driver.TaskAtAsync(revokeRoot, "assess");
        Assert.Equal("leading.mz", driver.UserFor(assess));
        await driver.CompleteAsync(assess, new TaskAnswer("revoke", [], "长期未开展活动，连续两年未参加年检"));
        await driver.RunDueJobsAsync();

        var revoked = await platform.AssociationAsync(revokedId);
        Assert.Equal(DecouplingOutcome.Revoked, revoked.Outcome);
        var decision = await ScenarioPlatform.TextAsync(office, Assert.Single(await platform.DocumentsAsync(revokedId, "撤销登记决定书")));
        Assert.Contains("连续两年未参加年检", decision, StringComparison.Ordinal);
        Assert.Contains(revokedName, decision, StringComparison.Ordinal);
        Assert.Matches(@"罗民审〔2026〕\d+号", decision);

        var (mergedId, _, _) = await platform.FreshAssociationAsync("zjj");
        var mergeRoot = await StartAsync(office, new { key = "regularization", businessKey = mergedId.ToString() });
        var merge = await driver.TaskAtAsync(mergeRoot, "assess");
        var mz = await driver.AsAsync("leading.mz");
        await RefusedAsync(await mz.PostAsJsonAsync($"/api/tasks/{merge.Id}/complete", new { outcome = "merge", comment = "业务范围重叠" }), "ENGINE_FORM_FIELD_REQUIRED_FOR");
        await driver.CompleteAsync(merge, new TaskAnswer("merge", new JsonObject { ["mergeInto"] = "临沂市罗庄区建筑业协会" }, "业务范围重叠"));
        await driver.RunDueJobsAsync();
        var merged = await platform.AssociationAsync(mergedId);
        Assert.Equal(DecouplingOutcome.Revoked, merged.Outcome);
        Assert.Contains("并入临沂市罗庄区建筑业协会", merged.OutcomeReason, StringComparison.Ordinal);
    }
}
