using Decoupling.Host.Components.Shared;

namespace Decoupling.Components.Tests;

/// <summary>The 风险预案 panel on the register entry, on the real application layer: the unit records a risk by typing it in; the association never sees the panel.</summary>
public sealed class CaseRiskPanelTests
{
    private const string Ceramics = "临沂市罗庄区陶瓷行业协会";

    [Fact]
    public async Task The_supervisory_unit_records_a_risk_and_sees_it_listed_with_its_level()
    {
        await using var platform = await PlatformFixture.CreateAsync("jxj");
        var association = await platform.AssociationIdAsync(Ceramics);

        var panel = platform.Context.Render<CaseRiskPanel>(p => p.Add(c => c.AssociationId, association));
        panel.WaitForAssertion(() => Assert.Contains("尚未登记风险", panel.Markup));

        // refused without the response, and nothing is listed
        panel.Find("#risk-text").Change("人员分流引发信访");
        panel.Find("#risk-record").Click();
        panel.WaitForAssertion(() => Assert.Contains("尚未登记风险", panel.Markup));

        panel.Find("#risk-response").Change("安排专人对接，逐人谈话");
        panel.Find("#risk-record").Click();
        panel.WaitForAssertion(() => Assert.Contains("人员分流引发信访", panel.Find("#risk-list").TextContent));
        Assert.Contains("安排专人对接，逐人谈话", panel.Find("#risk-list").TextContent);
        Assert.Contains("跟踪中", panel.Find("#risk-list").TextContent);
        Assert.Contains("一般", panel.Find("#risk-list").TextContent);
    }

    [Fact]
    public async Task The_association_does_not_see_the_plan_about_it()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var association = await platform.AssociationIdAsync(Ceramics);

        var panel = platform.Context.Render<CaseRiskPanel>(p => p.Add(c => c.AssociationId, association));

        // the refusal comes from the database read; give it the time the unit's panel above needs to list
        await Task.Delay(1000);
        Assert.Empty(panel.FindAll("#risk-panel"));
    }
}
