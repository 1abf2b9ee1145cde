using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Engine.Entities;
using Decoupling.Host.Tests.EndToEnd;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// 一窗通办 (R17–R20): founding an association without a supervisory unit, closing one, and the window's intake — each
/// approval changes the register and issues or voids the certificate; each refusal changes nothing and gives its
/// reasons and the applicant's remedies in a numbered decision.
/// </summary>
public sealed class RegistrationOutcomeTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    private async Task<Guid> StartAsync(HttpClient client, object body)
    {
        var started = await client.PostAsJsonAsync("/api/instances", body);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static JsonObject Founding(string name) => new()
    {
        ["mode"] = "new", ["channel"] = "agent", ["agentName"] = "张代办", ["proposedName"] = name, ["proposedAddress"] = "罗庄街道沂河路1号",
        ["proposedLegalRepresentative"] = "李明", ["proposedBusinessScope"] = "行业自律、行业服务、行业协调", ["proposedIndustry"] = "物流",
    };

    private async Task<Association?> ByNameAsync(string name)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name);
    }

    [Fact]
    public async Task A_founding_approved_creates_the_entry_without_a_supervisory_unit_and_issues_a_certificate()
    {
        const string name = "临沂市罗庄区现代物流行业协会";
        var registrar = await platform.Factory.SignedInAsync("registrar");
        var root = await StartAsync(registrar, new { key = "registration", variables = Founding(name) });
        var driver = new ProcedureDriver(platform.Factory, Guid.Empty, "registrar");
        Assert.Null(await ByNameAsync(name));

        var intake = await driver.TaskAtAsync(root, "intake");
        Assert.Equal("前台综合受理：成立登记", intake.Name);
        await driver.CompleteAsync(intake, new TaskAnswer("accept", new JsonObject { ["channel"] = "agent", ["agentName"] = "张代办", ["inPersonVisit"] = true }));
        var approval = await driver.TaskAtAsync(root, "newApproval");
        Assert.Equal("leading.mz", driver.UserFor(approval));
        await driver.CompleteAsync(approval);
        await driver.RunAsync(root);

        Assert.True((await platform.Engine.GetInstanceAsync(root))!.State == InstanceState.Completed,
            string.Join("; ", (await platform.Engine.GetJournalAsync(root)).Where(j => j.Kind == "service-failed").Select(j => $"{j.ElementId} {j.Comment}")));
        var created = await ByNameAsync(name);
        Assert.NotNull(created);
        Assert.Null(created!.SupervisoryUnitId);
        Assert.Equal("李明", created.LegalRepresentative);
        Assert.False(string.IsNullOrEmpty(created.CreditCode));
        Assert.False(string.IsNullOrEmpty(created.CertificateNumber));
        Assert.Single(await platform.DocumentsAsync(created.Id, "登记证书"));

        // the matter records the channel, the named agent and the one visit to the desk
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.AssociationId == created.Id);
        Assert.True(matter.HandledOnBehalf);
        Assert.Equal("张代办", matter.AgentUserId);
        Assert.Equal(1, matter.InPersonVisits);
    }

    [Fact]
    public async Task A_founding_refused_creates_nothing_and_the_decision_gives_reasons_and_remedies()
    {
        const string name = "临沂市罗庄区重复名称行业协会";
        var registrar = await platform.Factory.SignedInAsync("registrar");
        var root = await StartAsync(registrar, new { key = "registration", variables = Founding(name) });
        var driver = new ProcedureDriver(platform.Factory, Guid.Empty, "registrar");
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "intake"));
        const string reason = "拟登记名称与已登记的社会团体名称相同";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "newApproval"), new TaskAnswer("reject", [], reason));
        await driver.RunAsync(root);

        Assert.Null(await ByNameAsync(name));
        var decision = Assert.Single(await platform.DocumentsAsync(null, "不予许可决定书"), d => d.FileName.Contains(name, StringComparison.Ordinal));
        var text = await ScenarioPlatform.TextAsync(registrar, decision);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains("六十日", text, StringComparison.Ordinal);
        Assert.Contains("六个月", text, StringComparison.Ordinal);
        Assert.Matches(@"罗民审〔2026〕\d+号", text);
    }

    [Fact]
    public async Task The_window_refuses_to_accept_with_a_notice_and_nothing_goes_to_the_back_office()
    {
        const string name = "临沂市罗庄区不予受理测试协会";
        var registrar = await platform.Factory.SignedInAsync("registrar");
        var root = await StartAsync(registrar, new { key = "registration", variables = Founding(name) });
        var driver = new ProcedureDriver(platform.Factory, Guid.Empty, "registrar");
        const string reason = "拟成立的组织业务范围属于行政职能，不属于社会团体登记范围";
        await driver.CompleteAsync(await driver.TaskAtAsync(root, "intake"), new TaskAnswer("reject", [], reason));
        await driver.RunAsync(root);

        Assert.Equal(InstanceState.Completed, (await platform.Engine.GetInstanceAsync(root))!.State);
        var journal = await platform.Engine.GetJournalAsync(root);
        Assert.DoesNotContain(journal, j => j.ElementId is "receiveMatter" or "newApproval");
        var notice = Assert.Single(await platform.DocumentsAsync(null, "不予受理通知书"), d => d.FileName.Contains(name, StringComparison.Ordinal));
        var text = await ScenarioPlatform.TextAsync(registrar, notice);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains("经办人：区民政局登记窗口 受理人", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deregistration_approved_closes_the_entry_and_voids_the_certificate_and_a_refused_one_changes_nothing()
    {
        // refused: the liquidation report is not accepted
        var (refusedId, refusedStaff, _) = await platform.FreshAssociationAsync("gsj");
        var before = await platform.AssociationAsync(refusedId);
        var staff = await platform.Factory.SignedInAsync(refusedStaff);
        var refusedRoot = await StartAsync(staff, new { key = "registration", businessKey = refusedId.ToString(), variables = new JsonObject { ["mode"] = "deregister", ["deregisterReason"] = "会员大会决议解散" } });
        var driver = new ProcedureDriver(platform.Factory, refusedId, refusedStaff);
        await driver.CompleteAsync(await driver.TaskAtAsync(refusedRoot, "intake"));
        await driver.CompleteAsync(await driver.TaskAtAsync(refusedRoot, "liquidation"), new TaskAnswer("reject", [], "清算报告未经审计，债权债务尚未清理"));
        await driver.RunAsync(refusedRoot);
        var kept = await platform.AssociationAsync(refusedId);
        Assert.Equal(before.Outcome, kept.Outcome);
        Assert.Equal(before.CertificateNumber, kept.CertificateNumber);
        Assert.Contains("清算报告未经审计", await ScenarioPlatform.TextAsync(staff, Assert.Single(await platform.DocumentsAsync(refusedId, "不予许可决定书"))), StringComparison.Ordinal);

        // approved: certificate and seals collected, entry closed, certificate voided
        var (id, staffName, _) = await platform.FreshAssociationAsync("gsj");
        var association = await platform.Factory.SignedInAsync(staffName);
        var root = await StartAsync(association, new { key = "registration", businessKey = id.ToString(), variables = new JsonObject { ["mode"] = "deregister", ["deregisterReason"] = "会员大会决议解散" } });
        var closing = new ProcedureDriver(platform.Factory, id, staffName);
        await closing.RunAsync(root);
        Assert.True((await platform.Engine.GetInstanceAsync(root))!.State == InstanceState.Completed,
            string.Join("; ", (await platform.Engine.GetJournalAsync(root)).Where(j => j.Kind == "service-failed").Select(j => $"{j.ElementId} {j.Comment}")));
        var closed = await platform.AssociationAsync(id);
        Assert.Equal(DecouplingOutcome.Deregistered, closed.Outcome);
        Assert.Contains(await platform.HistoryAsync(id), c => c.Field.Contains("Certificate", StringComparison.Ordinal) || c.NewValue?.Contains("作废", StringComparison.Ordinal) == true);
        Assert.Contains(closing.Log, l => l.StartsWith("collectCertificate:registrar:collected", StringComparison.Ordinal));
    }
}
