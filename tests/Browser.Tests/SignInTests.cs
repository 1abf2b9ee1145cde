using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

public sealed class SignInTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        await page.GotoAsync("/tasks");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "00-login");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_chinese_message()
    {
        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "czj");
        await page.FillAsync("#password", "wrong-Password#1");
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator(".login-error")).ToContainTextAsync("用户名或密码不正确");
    }

    [Theory]
    [InlineData("leading", "领导小组看板")]
    [InlineData("czj", "我的待办")]
    [InlineData("assoc.ceramics", "协会门户")]
    [InlineData("jxj", "主管单位工作台")]
    [InlineData("sysadmin", "系统管理")]
    [InlineData("secadmin", "安全管理")]
    [InlineData("auditadmin", "审计管理")]
    public async Task Each_role_signs_in_and_sees_its_menu(string user, string menuEntry)
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, user);
        await Assertions.Expect(page.Locator("#welcome")).ToContainTextAsync("您好");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = menuEntry })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, $"01-home-{user}");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "czj");
        await page.GotoAsync("/tasks");
        await page.Locator("#inbox-table").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

        var api = await page.APIRequest.GetAsync("/api/tasks");
        Assert.Equal(401, api.Status);
        await page.GotoAsync("/tasks");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
