using System.Text.Json.Nodes;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Engine;
using Decoupling.Host.Tests.EndToEnd;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// What the procedure scenarios share: a fresh association of a unit with its own staff account (the seed has one for
/// the ceramics association only), the register entry as it stands, and the text of issued documents read back from the
/// .docx the API serves.
/// </summary>
public sealed class ScenarioPlatform(PlatformFactory platform)
{
    public PlatformFactory Factory => platform;

    public WorkflowEngine Engine => platform.Services.GetRequiredService<WorkflowEngine>();

    /// <summary>
    /// An in-scope association of <paramref name="unitCode"/> no case has touched, other than <paramref name="except"/>
    /// (two picked before either case starts), and a staff account of its own.
    /// </summary>
    public async Task<(Guid Id, string Staff, string Name)> FreshAssociationAsync(string unitCode, Guid? except = null)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unit = await db.Departments.SingleAsync(d => d.Code == unitCode);
        var touched = (await Engine.ListInstancesAsync(take: 100_000)).Select(i => i.BusinessKey).ToHashSet();
        var association = (await db.Associations.Where(a => a.SupervisoryUnitId == unit.Id && !a.Exempt).OrderBy(a => a.Name).ToListAsync())
            .First(a => !touched.Contains(a.Id.ToString()) && a.Id != except && !a.Name.Contains("陶瓷", StringComparison.Ordinal));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var name = "assoc." + association.Id.ToString("N")[..8];
        if (await users.FindByNameAsync(name) is null)
        {
            var account = new PlatformUser { UserName = name, DisplayName = association.Name + " 工作人员", AssociationId = association.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(account, "Luozhuang#2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, PlatformRoles.AssociationStaff)).Succeeded);
        }

        return (association.Id, name, association.Name);
    }

    public async Task<Association> AssociationAsync(Guid id)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Associations.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<List<AssociationChange>> HistoryAsync(Guid id)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AssociationChanges.AsNoTracking()
            .Where(c => c.AssociationId == id).OrderBy(c => c.ChangedAt).ToListAsync();
    }

    /// <summary>Documents whose file name contains <paramref name="label"/> (e.g. 审核意见书), newest last, for the association or for none.</summary>
    public async Task<List<DocumentRecord>> DocumentsAsync(Guid? associationId, string label)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Documents.AsNoTracking().Where(d => d.OwnerAssociationId == associationId).ToListAsync())
            .Where(d => d.FileName.Contains(label, StringComparison.Ordinal)).OrderBy(d => d.CreatedAt).ToList();
    }

    /// <summary>The text of a document as <paramref name="reader"/> downloads it through the API.</summary>
    public static async Task<string> TextAsync(HttpClient reader, DocumentRecord document)
    {
        var response = await reader.GetAsync($"/api/documents/{document.Id}");
        Assert.True(response.IsSuccessStatusCode, $"{document.FileName}: {(int)response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        return ProcedureDriver.TextOf(copy);
    }

    /// <summary>A field's current value on the task page, as the API shows it to <paramref name="client"/>.</summary>
    public static async Task<string?> FieldAsync(HttpClient client, Guid taskId, string field)
    {
        var details = await client.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}");
        var value = details!["fields"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == field)!["value"];
        return value?.ToString();
    }
}
