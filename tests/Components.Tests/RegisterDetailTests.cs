using Decoupling.Application.People;
using Decoupling.Application.Register;
using Decoupling.Domain.Register;
using Decoupling.Host.Components.Pages.Register;
using MudBlazor;

namespace Decoupling.Components.Tests;

/// <summary>
/// The register entry's page shows its scope and its ties with agencies; the leading-group office puts it out of scope
/// with a reason and ends a tie from the page, and a supervisory unit reads the same without the controls.
/// </summary>
public sealed class RegisterDetailTests
{
    private const string Ceramics = "临沂市罗庄区陶瓷行业协会";

    private static async Task<(PlatformFixture Platform, Guid Association, AssociationRelationship Tie)> PlatformAsync(string signedIn)
    {
        var platform = await PlatformFixture.CreateAsync(signedIn);
        platform.Context.Render<MudPopoverProvider>();
        var association = await platform.AssociationIdAsync(Ceramics);
        var office = (await platform.Context.Services.GetRequiredService<ActorResolver>().ByUserNameAsync("leading"))!;
        var tie = await platform.Context.Services.GetRequiredService<RegisterScopeOperations>()
            .AddRelationshipAsync(office, association, RelationshipKind.Supervisor, "区经信局", subordinateUnit: false);
        return (platform, association, tie);
    }

    [Fact]
    public async Task The_office_exempts_the_entry_with_a_reason_and_ends_a_tie_from_the_page()
    {
        var (platform, association, tie) = await PlatformAsync("leading");
        await using var _ = platform;
        var page = platform.Context.Render<RegisterDetail>(p => p.Add(c => c.Id, association));
        page.WaitForAssertion(() => Assert.Equal("纳入脱钩范围", page.Find("#association-scope").TextContent));
        Assert.Contains("主管", page.Find("#relationships").TextContent);
        Assert.Contains("存续", page.Find("#relationships").TextContent);

        page.Find($"#end-{tie.Id}").Click();

        page.WaitForAssertion(() => Assert.Contains("已于", page.Find("#relationships").TextContent));
        Assert.Empty(page.FindAll($"#end-{tie.Id}"));

        page.Find("#scope-edit input[type=checkbox]").Change(true);
        page.Find("#scope-edit input:not([type=checkbox])").Change("已由市级主管部门统一脱钩");
        page.Find("#scope-save").Click();

        page.WaitForAssertion(() => Assert.Equal("不纳入：已由市级主管部门统一脱钩", page.Find("#association-scope").TextContent));
        Assert.Contains("不纳入脱钩范围", page.Find("#change-history").TextContent);
    }

    [Fact]
    public async Task The_supervisory_unit_reads_scope_and_ties_without_the_controls()
    {
        var (platform, association, _) = await PlatformAsync("jxj");
        await using var _ = platform;
        var page = platform.Context.Render<RegisterDetail>(p => p.Add(c => c.Id, association));

        page.WaitForAssertion(() => Assert.Contains("区经信局", page.Find("#relationships").TextContent));
        Assert.Empty(page.FindAll("#scope-edit"));
        Assert.Empty(page.FindAll("#tie-add"));
        Assert.DoesNotContain("解除", page.Find("#relationships").TextContent);
    }
}
