using System.Text.Json.Nodes;
using Decoupling.Activities.Handlers;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Workflows.Tests.Activities;

/// <summary>The document, registration and certificate activities on a seeded PostgreSQL register.</summary>
public sealed class RegisterAndDocumentTests(PostgresActivityFixture fixture) : IClassFixture<PostgresActivityFixture>
{
    private async Task<Association> SomeAssociationAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unit = await db.Departments.SingleAsync(d => d.Code == "jxj");
        return await db.Associations.AsNoTracking().Where(a => a.SupervisoryUnitId == unit.Id && a.CreditCode != null).OrderBy(a => a.Name).FirstAsync();
    }

    [Fact]
    public async Task The_plan_names_the_association_its_credit_code_and_items_and_is_generated_once()
    {
        var association = await SomeAssociationAsync();
        var load = await fixture.Handler<ChecklistLoadHandler>().ExecuteAsync(
            PostgresActivityFixture.Context("checklist.load", new JsonObject { ["associationId"] = association.Id.ToString() }), default);
        var items = load!["checklistItems"]!.AsArray();
        Assert.NotEmpty(items);
        var generate = fixture.Handler<GenerateDocumentHandler>();
        var context = PostgresActivityFixture.Context("document.generate", new JsonObject { ["kind"] = "plan", ["associationId"] = association.Id.ToString() });

        var first = await generate.ExecuteAsync(context, default);
        var second = await generate.ExecuteAsync(context, default);

        Assert.Equal(first!["documentId"]!.GetValue<string>(), second!["documentId"]!.GetValue<string>());
        using var scope = fixture.Services.CreateScope();
        var documents = new Decoupling.Domain.Documents.DocumentService(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(),
            scope.ServiceProvider.GetRequiredService<Decoupling.Domain.Documents.IFileStore>(), new(), TimeProvider.System);
        var (_, content) = await documents.OpenAsync(Guid.Parse(first["documentId"]!.GetValue<string>()));
        await using (content)
        {
            using var word = WordprocessingDocument.Open(content, false);
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(association.Name, text);
            Assert.Contains(association.CreditCode!, text);
            Assert.All(items, i => Assert.Contains(i!["title"]!.GetValue<string>(), text));
        }
    }

    [Fact]
    public async Task A_change_registration_removes_the_supervisory_unit_and_renewal_voids_the_old_certificate()
    {
        var association = await SomeAssociationAsync();
        await fixture.Handler<ApplyRegistrationChangeHandler>().ExecuteAsync(PostgresActivityFixture.Context("registration.apply-change", new JsonObject
        {
            ["mode"] = "change", ["associationId"] = association.Id.ToString(), ["removeSupervisoryUnit"] = true, ["outcome"] = "Decoupled",
            ["changes"] = new JsonObject { ["address"] = "临沂市罗庄区罗庄街道新址" },
        }), default);
        var renewed = await fixture.Handler<RenewCertificateHandler>().ExecuteAsync(
            PostgresActivityFixture.Context("certificate.renew", new JsonObject { ["associationId"] = association.Id.ToString() }), default);

        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var after = await db.Associations.AsNoTracking().SingleAsync(a => a.Id == association.Id);
        Assert.Null(after.SupervisoryUnitId);
        Assert.Equal(DecouplingOutcome.Decoupled, after.Outcome);
        Assert.Equal("临沂市罗庄区罗庄街道新址", after.Address);
        Assert.Equal(renewed!["certificateNumber"]!.GetValue<string>(), after.CertificateNumber);
        Assert.StartsWith("罗民社证〔2026〕第", after.CertificateNumber);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.AssociationId == association.Id).ToListAsync();
        Assert.Single(certificates, c => c.VoidedAt == null);
        var fields = await db.AssociationChanges.AsNoTracking().Where(c => c.AssociationId == association.Id).Select(c => c.Field).ToListAsync();
        Assert.Contains(nameof(Association.SupervisoryUnitId), fields);
        Assert.Contains(nameof(Association.CertificateNumber), fields);
    }
}
