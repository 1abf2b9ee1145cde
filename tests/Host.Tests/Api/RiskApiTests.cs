using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// 风险预案 (R24) through the API: the supervisory unit and the office record and close risks of an association; another
/// unit learns nothing of it, the association and a reviewer may not, and bad input is refused naming the field with
/// nothing written.
/// </summary>
public sealed class RiskApiTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly PlatformFactory platform = fixture.Factory;

    private static async Task<(int Status, string Code, string Detail)> RefusalAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((int)response.StatusCode, body["code"]!.GetValue<string>(), body["detail"]!.GetValue<string>());
    }

    private int RiskCount(Guid associationId)
    {
        using var scope = platform.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlatformDbContext>().CaseRisks.Count(r => r.AssociationId == associationId);
    }

    [Fact]
    public async Task The_unit_and_the_office_record_and_close_risks_and_nobody_else_touches_them()
    {
        var jxj = await platform.SignedInAsync("jxj");
        var association = await platform.AssociationWithoutOpenCaseAsync("risk-register", a => a.SupervisoryUnitId == platform.UnitId("jxj"));
        var path = $"/api/associations/{association.Id}/risks";

        // refusals first: nothing is written by any of them
        var (status, code, detail) = await RefusalAsync(await jxj.PostAsJsonAsync(path, new { risk = " ", response = "安排专人对接", level = "较大" }));
        Assert.Equal((422, "RISK_FIELD_REQUIRED"), (status, code));
        Assert.Contains("风险情形", detail, StringComparison.Ordinal);
        (status, code, detail) = await RefusalAsync(await jxj.PostAsJsonAsync(path, new { risk = "人员分流引发信访", response = "安排专人对接", level = "特大" }));
        Assert.Equal((422, "RISK_LEVEL_UNKNOWN"), (status, code));
        Assert.Contains("一般、较大、重大", detail, StringComparison.Ordinal);
        var swj = await platform.SignedInAsync("swj");
        Assert.Equal(HttpStatusCode.NotFound, (await swj.PostAsJsonAsync(path, new { risk = "x", response = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await swj.GetAsync(path)).StatusCode);
        // the registration window sees the district register but plans no risks
        (status, code, _) = await RefusalAsync(await (await platform.SignedInAsync("registrar")).PostAsJsonAsync(path, new { risk = "x", response = "y" }));
        Assert.Equal((403, "RISK_FORBIDDEN"), (status, code));
        Assert.Equal(0, RiskCount(association.Id));

        // the unit records, the office sees and closes it with its result
        var recorded = await jxj.PostAsJsonAsync(path, new { risk = "人员分流引发信访", response = "安排专人对接，逐人谈话", level = "较大" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var riskId = (await recorded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var leading = await platform.SignedInAsync("leading");
        var listed = Assert.Single((await leading.GetFromJsonAsync<JsonArray>(path))!);
        Assert.Equal("较大", listed!["level"]!.GetValue<string>());
        Assert.Equal("jxj", listed["recordedBy"]!.GetValue<string>());

        (status, code, _) = await RefusalAsync(await leading.PostAsJsonAsync($"{path}/{riskId}/close", new { note = "" }));
        Assert.Equal((422, "RISK_FIELD_REQUIRED"), (status, code));
        var closed = await leading.PostAsJsonAsync($"{path}/{riskId}/close", new { note = "已妥善安置，无信访" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        (status, code, _) = await RefusalAsync(await jxj.PostAsJsonAsync($"{path}/{riskId}/close", new { note = "再次销号" }));
        Assert.Equal((409, "RISK_ALREADY_CLOSED"), (status, code));
        var after = Assert.Single((await jxj.GetFromJsonAsync<JsonArray>(path))!);
        Assert.True(after!["closed"]!.GetValue<bool>());
        Assert.Equal("已妥善安置，无信访", after["closingNote"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_association_itself_does_not_see_the_plan_about_it()
    {
        var staff = await platform.SignedInAsync("assoc.ceramics");
        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var own = await db.Associations.AsNoTracking().FirstAsync(a => a.Name.Contains("陶瓷"));
        var (status, code, _) = await RefusalAsync(await staff.GetAsync($"/api/associations/{own.Id}/risks"));
        Assert.Equal((403, "RISK_FORBIDDEN"), (status, code));
        (status, code, _) = await RefusalAsync(await staff.PostAsJsonAsync($"/api/associations/{own.Id}/risks", new { risk = "x", response = "y" }));
        Assert.Equal((403, "RISK_FORBIDDEN"), (status, code));
    }
}
