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

    /// <summary>Issue 14 (11): the server writes Chinese as characters, not as one &amp;#x…; entity per character.</summary>
    [Fact]
    public async Task Server_rendered_pages_carry_chinese_as_characters()
    {
        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        var html = await (await page.APIRequest.GetAsync("/account/login")).TextAsync();
        Assert.Contains("罗庄区", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"&#x[0-9A-Fa-f]{4};", html);
    }

    /// <summary>Issue 14 (10): the browser's tab icon is served, to anyone, instead of a 404 on every page.</summary>
    [Fact]
    public async Task The_tab_icon_is_served()
    {
        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        var icon = await page.APIRequest.GetAsync("/favicon.ico");
        Assert.Equal(200, icon.Status);
        Assert.True((await icon.BodyAsync()).Length > 0);
    }

    /// <summary>Issue 14 (10): the heading that gets the focus after a navigation shows no black box around it.</summary>
    [Fact]
    public async Task The_focused_heading_shows_no_focus_box()
    {
        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        await page.GotoAsync("/account/login");
        var outline = await page.EvaluateAsync<string>("() => { const h = document.querySelector('h1'); h.setAttribute('tabindex', '-1'); h.focus(); return getComputedStyle(h).outlineStyle; }");
        Assert.Equal("none", outline);
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

    /// <summary>Issue 14 (9): the auditor's and the evaluator's home name their own work, not a department's review.</summary>
    [Theory]
    [InlineData("auditor", "审计抽查")]
    [InlineData("evaluator", "评估")]
    [InlineData("registrar", "登记")]
    public async Task The_home_page_names_the_persons_own_work(string user, string work)
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, user);
        await Assertions.Expect(page.Locator("#next-step")).ToContainTextAsync(work);
        await Assertions.Expect(page.Locator("#next-step")).Not.ToContainTextAsync("审核本部门事项");
        await Assertions.Expect(page.Locator("#home-work")).ToBeVisibleAsync();
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
