using System.Text.Json.Nodes;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.EndToEnd;

/// <summary>
/// The procedure end to end on PostgreSQL and on the embedded SQLite default, through the API as every role: the ceramics association from the start of
/// decoupling to its renewed certificate, with one department return and one refusal on the way; being the last open
/// association of its unit and of the district, its completion starts the unit's summary and the district's evaluation.
/// </summary>
public abstract class ProcedureTests(PlatformFactory platform)
{
    private PlatformFactory Platform => platform;

    [Fact]
    public async Task One_association_goes_from_start_to_renewed_certificate_and_starts_summary_and_evaluation()
    {
        Guid associationId;
        string creditCode;
        string oldCertificate;
        await using (var scope = Platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var ceramics = await db.Associations.FirstAsync(a => a.Name.Contains("陶瓷"));
            associationId = ceramics.Id;
            creditCode = ceramics.CreditCode!;
            oldCertificate = ceramics.CertificateNumber ?? "";
            // every other association of the district is already done, so this one is the last of its unit and of the district
            await db.Associations.Where(a => a.Id != ceramics.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, DecouplingOutcome.Decoupled).SetProperty(a => a.OutcomeReason, "测试：已完成"));
        }

        var driver = new ProcedureDriver(Platform, associationId);
        var instanceId = await driver.StartDecouplingAsync();

        // the case, then the unit's summary and the district's evaluation it starts, with the audit draw among them; on the
        // way one department returns an item for correction and the unit refuses another, which the office sends back to review
        var returned = false;
        var refused = false;
        await driver.RunAsync(answerOf: task => task.ElementId switch
        {
            "dReview" when !returned && (returned = true) => new TaskAnswer("return", [], "请补充资产清查明细"),
            "sReview" when !refused && (refused = true) => new TaskAnswer("reject", [], "分离措施与本单位职责不符，不同意"),
            "sCoordinate" => new TaskAnswer("rereview", [], "措施已协调一致，请重新审核"),
            _ => null,
        });
        Assert.True(returned && refused);
        Assert.Contains(driver.Log, l => l.StartsWith("dCorrection:", StringComparison.Ordinal));
        Assert.Contains(driver.Log, l => l.StartsWith("sCoordinate:leading:rereview", StringComparison.Ordinal));

        var engine = Platform.Services.GetRequiredService<WorkflowEngine>();
        var incidents = await engine.OpenIncidentsAsync();
        Assert.True(incidents.Count == 0, string.Join("\n", incidents.Select(i => $"{i.ElementId} {i.Code} {i.Message}")));
        Assert.Equal(InstanceState.Completed, (await engine.GetInstanceAsync(instanceId))!.State);

        // every role acted: the association, its unit, the leading group, functional departments, the window, the evaluator
        var log = string.Join(", ", driver.Log);
        foreach (var who in new[] { "assoc.ceramics", "jxj", "leading", "registrar", "leading.mz", "evaluator", "auditor" })
        {
            Assert.True(driver.Log.Any(l => l.Contains(":" + who + ":", StringComparison.Ordinal)), who + " did not act: " + log);
        }

        Assert.True(driver.Log.Any(l => l.StartsWith("dReview:", StringComparison.Ordinal)), log);

        // the register changed: supervisory unit removed, outcome decoupled, certificate renewed
        await using (var scope = Platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var after = await db.Associations.AsNoTracking().FirstAsync(a => a.Id == associationId);
            Assert.Null(after.SupervisoryUnitId);
            Assert.Equal(DecouplingOutcome.Decoupled, after.Outcome);
            Assert.False(string.IsNullOrEmpty(after.CertificateNumber));
            Assert.NotEqual(oldCertificate, after.CertificateNumber);
            Assert.Contains(await db.AssociationChanges.Where(c => c.AssociationId == associationId).ToListAsync(), c => c.Field.Contains("主管", StringComparison.Ordinal) || c.Field.Contains("Supervisory", StringComparison.Ordinal));

            // the generated plan names the association, its credit code and its checklist items
            var store = scope.ServiceProvider.GetRequiredService<DocumentService>();
            var plan = await db.Documents.AsNoTracking().Where(d => d.OwnerAssociationId == associationId && d.Type == DocumentType.DecouplingPlan).FirstAsync();
            var (_, content) = await store.OpenAsync(plan.Id);
            var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            copy.Position = 0;
            var text = ProcedureDriver.TextOf(copy);
            Assert.Contains("指导思想", text, StringComparison.Ordinal);
            Assert.Contains("组织领导", text, StringComparison.Ordinal);
            Assert.Contains("临沂市罗庄区陶瓷行业协会", text, StringComparison.Ordinal);
            Assert.Contains(creditCode, text, StringComparison.Ordinal);
            var firstItem = (await db.ChecklistItems.AsNoTracking().Where(i => db.Checklists.Any(c => c.Id == i.ChecklistId && c.AssociationId == associationId)).OrderBy(i => i.Number).FirstAsync()).Title;
            Assert.Contains(firstItem, text, StringComparison.Ordinal);
            Assert.True(await db.Documents.AnyAsync(d => d.Type == DocumentType.ReviewDocument), "review documents were issued");
        }

        // the unit's summary and the district's evaluation started and ran
        var all = await engine.ListInstancesAsync(take: 1000);
        Assert.Contains(all, i => i.DefinitionKey == "unit-summary");
        Assert.Contains(all, i => i.DefinitionKey == "evaluation");
        var journal = await engine.GetJournalAsync(instanceId);
        Assert.Contains(journal, j => j.Kind == "task-completed" && j.ElementId == "officeReview" && j.Actor == "leading");
        Assert.Contains(journal, j => j.Kind == "call-started" && j.ElementId == "registration");
    }
}

public sealed class PostgresProcedureTests(PostgresPlatform fixture) : ProcedureTests(fixture.Factory), IClassFixture<PostgresPlatform>;

public sealed class SqliteProcedureTests(SqlitePlatform fixture) : ProcedureTests(fixture.Factory), IClassFixture<SqlitePlatform>;
