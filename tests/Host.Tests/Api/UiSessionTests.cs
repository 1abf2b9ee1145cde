using System.Net;
using System.Text.RegularExpressions;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// The UI's session: the sign-in and sign-out forms only accept posts that carry the page's antiforgery token (so another
/// site cannot sign a civil servant in or out), and the session cookie cannot be read by script or sent cross-site.
/// </summary>
public sealed partial class UiSessionTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private HttpClient Browser() => fixture.Factory.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    private static FormUrlEncodedContent LoginForm(string? token, string password = "Luozhuang#2026")
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "czj",
            ["Input.Password"] = password,
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task A_sign_in_posted_without_the_form_token_is_refused_and_signs_nobody_in()
    {
        var client = Browser();
        var response = await client.PostAsync("/account/login", LoginForm(token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("luozhuang.auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var client = Browser();
        var token = await TokenAsync(client, "/account/login");
        Assert.NotEmpty(token);

        var response = await client.PostAsync("/account/login", LoginForm(token));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("luozhuang.auth", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_says_so_in_Chinese_without_naming_which_part_was_wrong()
    {
        var client = Browser();
        var token = await TokenAsync(client, "/account/login");
        var response = await client.PostAsync("/account/login", LoginForm(token, "wrong-password"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("login-error", html);
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_page_token_is_refused_so_another_site_cannot_end_a_session()
    {
        var client = await fixture.Factory.SignedInAsync("czj");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
    }
}
