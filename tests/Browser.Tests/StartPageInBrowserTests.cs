using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The 发起事项 page and the register entry's 风险预案 as people use them at 1366×768: the association files an
/// important-situation report from its portal by clicking, an empty required field is named before anything is sent,
/// the report reaches the office's inbox; the unit records a risk on its association's register entry.
/// </summary>
public sealed class StartPageInBrowserTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_association_files_an_important_situation_report_from_its_portal_and_the_office_receives_it()
    {
        var association = await platform.Browser.SignInAsync(platform.Host.Url, "assoc.ceramics");
        await association.GotoAsync("/portal");
        await association.Locator("#portal-report").ClickAsync();
        await association.Locator("#start-form").WaitForAsync();
        await Assertions.Expect(association.Locator("#start-title")).ToHaveTextAsync("重要情况报告");

        // nothing typed: the page names the fields before sending anything
        await association.Locator("#start-submit").ClickAsync();
        await Assertions.Expect(association.Locator("#field-title")).ToContainTextAsync("请填写“标题”");
        await BrowserSession.ScreenshotAsync(association, "60-start-risk-report-empty");

        const string title = "会员单位反映会费标准调整问题";
        await association.Locator("#field-title input:visible, #field-title textarea:visible").First.FillAsync(title);
        await association.Locator("#field-description input:visible, #field-description textarea:visible").First.FillAsync("部分会员单位反映脱钩后会费标准调整过快，需领导小组协调。");
        await BrowserSession.ScreenshotAsync(association, "61-start-risk-report-filled");
        await association.Locator("#start-submit").ClickAsync();
        await association.WaitForURLAsync("**/instances/**");
        await association.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(association.Locator("body")).ToContainTextAsync(title);
        await BrowserSession.ScreenshotAsync(association, "62-start-risk-report-started");

        var office = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await office.GotoAsync("/tasks");
        await office.Locator("#inbox-table").WaitForAsync();
        await Assertions.Expect(office.Locator("#inbox-table a", new() { HasText = title }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_unit_records_a_risk_on_its_associations_register_entry()
    {
        var unit = await platform.Browser.SignInAsync(platform.Host.Url, "jxj");
        await unit.GotoAsync("/register");
        await unit.Locator("#register-table").WaitForAsync();
        await unit.Locator("#register-table a", new() { HasText = "陶瓷" }).First.ClickAsync();
        await unit.Locator("#risk-panel").WaitForAsync();

        await unit.Locator("#risk-text").FillAsync("专职人员分流引发信访");
        await unit.Locator("#risk-response").FillAsync("安排专人逐人谈话，落实安置");
        await unit.Locator("#risk-record").ClickAsync();
        await Assertions.Expect(unit.Locator("#risk-list")).ToContainTextAsync("专职人员分流引发信访");
        await Assertions.Expect(unit.Locator("#risk-list")).ToContainTextAsync("跟踪中");
        await BrowserSession.ScreenshotAsync(unit, "63-register-entry-risks");
        // figures as people write them, not the store's 0.0
        Assert.DoesNotMatch(@"(?<![\d.])0\.0(?![\d])", await unit.InnerTextAsync("body"));
    }
}
