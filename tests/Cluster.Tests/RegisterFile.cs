using System.Net;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Register spreadsheets for the cluster tests and their import through the API (what the leading group's 协会名册 page
/// does). Associations are supervised by 区经信局 or 区商务局, the two units with a demo user.
/// </summary>
public static class RegisterFile
{
    private static readonly (string Name, string Code)[] Units = [("区经济和信息化局", "jxj"), ("区商务局", "swj")];

    public static byte[] Create(int rows, int seed, string namePrefix)
    {
        var generator = new CreditCodeGenerator(seed);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < rows)
        {
            codes.Add(generator.Next());
        }

        var sheet = codes.Select((code, i) => new Dictionary<string, object?>
        {
            [RegisterColumns.CreditCode] = code,
            [RegisterColumns.Name] = $"{namePrefix}{i:00000}行业协会",
            [RegisterColumns.SupervisoryUnit] = Units[i % Units.Length].Name,
            [RegisterColumns.Status] = "已在民政部门登记",
            [RegisterColumns.MemberCount] = 20 + i % 300,
        }).ToList();
        var file = new MemoryStream();
        file.SaveAs(sheet, excelType: ExcelType.XLSX);
        return file.ToArray();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient admin, byte[] file, string fileName = "名册.xlsx")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file), "file", fileName);
        return await admin.PostAsync("/api/register/import", form);
    }

    /// <summary>
    /// Imports <paramref name="rows"/> associations, opens an account for each one's staff (<see cref="AssociationStaff"/>)
    /// unless <paramref name="withStaff"/> is false (no association task will be worked), and returns them as the
    /// register now holds them.
    /// </summary>
    public static async Task<IReadOnlyList<ClusterAssociation>> ImportAsync(ClusterHarness cluster, int rows, string namePrefix, bool withStaff = true)
    {
        var admin = await cluster.Clients.AsAsync("leading", 0);
        var response = await PostAsync(admin, Create(rows, 4242, namePrefix));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"register import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await using var db = cluster.PlatformDb();
        var units = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code);
        var imported = await db.Associations.AsNoTracking().Where(a => a.Name.StartsWith(namePrefix)).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.SupervisoryUnitId }).ToListAsync();
        var associations = new List<ClusterAssociation>();
        foreach (var a in imported)
        {
            var staff = withStaff ? await AssociationStaff.OpenAccountAsync(cluster, a.Id, a.Name) : "";
            associations.Add(new ClusterAssociation(a.Id, a.Name, units[a.SupervisoryUnitId!.Value], staff));
        }

        return associations;
    }
}
