using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Opens an account for an association's own staff as the platform does when an association joins it (三员分立): the
/// system administrator opens the account without a role, the security administrator gives it the one role
/// AssociationStaff for that association. The demo data has staff for the ceramics association only, and the access
/// policy lets nobody else (no administrator either) work an association's tasks.
/// </summary>
public static class AssociationStaff
{
    public const string Role = "AssociationStaff";

    /// <summary>The staff account's user name: stable per association, so a repeated run would find it taken, not a second one.</summary>
    public static string UserNameOf(Guid associationId) => "staff." + associationId.ToString("N")[..12];

    public static async Task<string> OpenAccountAsync(ClusterHarness cluster, Guid associationId, string associationName)
    {
        var userName = UserNameOf(associationId);
        var sysadmin = await cluster.Clients.AsAsync("sysadmin", 0);
        var created = await sysadmin.PostAsJsonAsync("/api/users", new { userName, displayName = $"{associationName} 工作人员", password = ClusterClients.Password });
        await EnsureAsync(created, HttpStatusCode.Created, $"open the account of {associationName}");
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var secadmin = await cluster.Clients.AsAsync("secadmin", 0);
        var assigned = await secadmin.PutAsJsonAsync($"/api/users/{id}/role", new { role = Role, associationId });
        await EnsureAsync(assigned, HttpStatusCode.OK, $"make {userName} staff of {associationName}");
        return userName;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
