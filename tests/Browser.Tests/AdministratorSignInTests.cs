using Decoupling.TestSupport;
using Microsoft.Playwright;
using OtpNet;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The administrators' sign-in in the browser: the password leads to the code page (no session before it); a new
/// administrator enrols an authenticator from the QR page first; each of the three lands on their own page only.
/// </summary>
public sealed class AdministratorSignInTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task An_administrators_password_alone_gives_no_session_and_the_code_does()
    {
        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "secadmin");
        await page.FillAsync("#password", BrowserSession.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => url.Contains("/account/second-factor", StringComparison.Ordinal));
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/security/policy")).Status);
        await BrowserSession.ScreenshotAsync(page, "40-second-factor");

        await page.FillAsync("#code", "000000" == DemoAdmins.CodeFor("secadmin") ? "111111" : "000000");
        await page.ClickAsync("#code-submit");
        await Assertions.Expect(page.Locator(".login-error")).ToContainTextAsync("动态验证码不正确", new() { Timeout = 30_000 });
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/security/policy")).Status);

        await page.FillAsync("#code", DemoAdmins.CodeFor("secadmin")!);
        await page.ClickAsync("#code-submit");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        Assert.Equal(200, (await page.APIRequest.GetAsync("/api/security/policy")).Status);
        await page.GotoAsync("/security");
        await Assertions.Expect(page.Locator("#account-table")).ToContainTextAsync("auditadmin", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "系统管理" })).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "审计管理" })).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await BrowserSession.ScreenshotAsync(page, "41-security-admin");
    }

    [Fact]
    public async Task A_new_administrator_enrols_an_authenticator_from_the_qr_page()
    {
        var sysadmin = await platform.Browser.SignInAsync(platform.Host.Url, "sysadmin");
        var created = await sysadmin.APIRequest.PostAsync("/api/users", new() { DataObject = new { userName = "audit.new", displayName = "新审计管理员", password = BrowserSession.DemoPassword } });
        Assert.Equal(201, created.Status);
        var id = System.Text.Json.JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString();
        var secadmin = await platform.Browser.SignInAsync(platform.Host.Url, "secadmin");
        Assert.Equal(200, (await secadmin.APIRequest.PutAsync($"/api/users/{id}/role", new() { DataObject = new { role = "AuditAdmin" } })).Status);

        var page = await platform.Browser.AnonymousPageAsync(platform.Host.Url);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "audit.new");
        await page.FillAsync("#password", BrowserSession.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => url.Contains("/account/enroll", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#enrol-qr")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/audit/verify")).Status);
        await BrowserSession.ScreenshotAsync(page, "42-enrol-authenticator");

        // what an authenticator app does with the key under the QR code
        var key = (await page.Locator("#enrol-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.FillAsync("#code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.ClickAsync("#enrol-submit");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.GotoAsync("/audit");
        await page.ClickAsync("#verify-chain");
        await Assertions.Expect(page.Locator("#chain-result")).ToContainTextAsync("审计日志链完整", new() { Timeout = 30_000 });
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/users")).Status);
        await BrowserSession.ScreenshotAsync(page, "43-audit-admin");
    }

    [Fact]
    public async Task The_system_administrator_opens_accounts_but_assigns_no_roles()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "sysadmin");
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("#user-table")).ToContainTextAsync("secadmin", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#user-table")).ToContainTextAsync("安全管理员", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "安全管理" })).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/audit")).Status);
        await BrowserSession.ScreenshotAsync(page, "44-system-admin");
    }
}
