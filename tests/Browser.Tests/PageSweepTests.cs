using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Decoupling.TestSupport;
using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// Every page as each of its people meets it at 1366×768, with real cases behind them (a decoupling carried through
/// registration and the renewed certificate with one item returned on the way, a unit summary waiting for the office, an
/// audit check, an evaluation and an important-situation report open): each role's menu pages, every tab on them, and the
/// pages their links lead to, each checked for English leftovers, GUIDs, MudBlazor's English defaults, dates not in
/// Chinese form, short labels, statuses and dates broken over two lines, pages taller than 6,000 px and console errors.
/// All pages are reported at once, so one run lists everything to fix.
/// </summary>
public sealed class PageSweepTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    /// <summary>The pages each role reaches from the menu; the test fails when the menu shows one not listed here.</summary>
    private static readonly Dictionary<string, string[]> PagesOf = new()
    {
        ["leading"] = ["/", "/tasks", "/notifications", "/start", "/publications", "/dashboard", "/register", "/designer", "/instances"],
        ["jxj"] = ["/", "/tasks", "/notifications", "/start", "/unit", "/publications", "/register"],
        ["bb"] = ["/", "/tasks", "/notifications", "/start"],
        ["registrar"] = ["/", "/tasks", "/notifications", "/start", "/register"],
        ["auditor"] = ["/", "/tasks", "/notifications", "/start", "/register"],
        ["evaluator"] = ["/", "/tasks", "/notifications"],
        ["assoc.ceramics"] = ["/", "/tasks", "/notifications", "/start", "/portal"],
        ["sysadmin"] = ["/", "/tasks", "/notifications", "/instances", "/admin"],
        ["secadmin"] = ["/", "/tasks", "/notifications", "/security"],
        ["auditadmin"] = ["/", "/tasks", "/notifications", "/audit"],
    };

    /// <summary>Latin words a page may show besides those every page may (<see cref="BrowserSession.AllowedWords"/>), two letters and up.</summary>
    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal) { "ID", "SM", "QR", "io", "by" };

    /// <summary>What MudBlazor and the browser say in English when a page forgets to say it in Chinese.</summary>
    private static readonly Regex EnglishDefaults = new(
        @"Rows per page|No (matching )?records|No data|Nothing found|Loading|\d+-\d+ of \d+|\bOK\b|\bCancel\b|\bClear\b|\bToday\b|\bSelect\b|January|February|March|April|June|July|August|September|October|November|December|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b",
        RegexOptions.Compiled);

    /// <summary>Dates written for machines or another country, where a Chinese page writes 2026年12月1日 or 2026-12-01 12:00 at least not with a T.</summary>
    private static readonly Regex ForeignDates = new(@"\b\d{4}-\d{2}-\d{2}T\d{2}|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}:\d{2}(:\d{2})? ?[AP]M\b", RegexOptions.Compiled);

    [Fact]
    public async Task Every_page_of_every_role_reads_as_Chinese_at_1366_by_768()
    {
        await PrepareCasesAsync();
        var findings = new List<string>();
        var visited = new List<string>();
        foreach (var (role, pages) in PagesOf)
        {
            var page = await platform.Browser.SignInAsync(platform.Host.Url, role);
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);

            // the menu shows no page this list forgets
            await page.Locator(".mud-navmenu").First.WaitForAsync();
            var menu = (await page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)")).Distinct().ToList();
            findings.AddRange(menu.Where(path => !pages.Contains(path)).Select(path => $"{role}: the menu offers {path}, which the sweep does not visit"));

            var seen = new Dictionary<string, int>();
            var links = new List<string>();
            foreach (var path in pages)
            {
                seen[Pattern(path)] = int.MaxValue;
                links.AddRange(await VisitAsync(page, role, path, findings, errors, visited));
            }

            // the pages the first pages link to: a few tasks and cases (their kinds differ), one of any other kind
            foreach (var link in links.Distinct().ToList())
            {
                var pattern = Pattern(link);
                var taken = seen.GetValueOrDefault(pattern);
                if (taken < (pattern is "/tasks/id" or "/instances/id" ? 4 : 1))
                {
                    seen[pattern] = taken + 1;
                    await VisitAsync(page, role, link, findings, errors, visited, taken);
                }
            }

            await page.Context.CloseAsync();
        }

        File.WriteAllLines(Path.Combine(BrowserSession.ScreenshotFolder, "sweep-pages.txt"), visited);
        File.WriteAllLines(Path.Combine(BrowserSession.ScreenshotFolder, "sweep-wraps.txt"), Wraps);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    /// <summary>Opens the page, checks it and each of its tabs, keeps a screenshot; returns the platform pages it links to.</summary>
    private static async Task<List<string>> VisitAsync(IPage page, string role, string path, List<string> findings, List<string> errors, List<string> visited, int nth = 0)
    {
        await page.GotoAsync(path);
        await SettleAsync(page);
        visited.Add($"{role} {path}");
        var name = $"sweep-{role}-{Regex.Replace(Pattern(path), "[^a-z0-9]+", "-").Trim('-')}{(nth > 0 ? "-" + nth : "")}";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, (name == $"sweep-{role}-" ? name + "home" : name) + ".png"), FullPage = true });
        await CheckAsync(page, role, path, "", findings, errors);
        // a done review's page once carried the whole case's history, 10,000 px and more; the person acting needs the latest steps
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        if (height > MaxPageHeight)
        {
            findings.Add($"{role} {path}: the page is {height} px tall at 1366 wide (at most {MaxPageHeight})");
        }

        var tabs = page.Locator(".mud-tabs-tabbar .mud-tab:not(.mud-disabled)");
        var count = await tabs.CountAsync();
        var links = await LinksAsync(page);
        for (var i = 1; i < count; i++)
        {
            var tab = tabs.Nth(i);
            var label = (await tab.InnerTextAsync()).Trim();
            await tab.ClickAsync();
            await SettleAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, $"{name}-tab{i}.png"), FullPage = true });
            await CheckAsync(page, role, path, label, findings, errors);
            links.AddRange(await LinksAsync(page));
        }

        return links;
    }

    private const int MaxPageHeight = 6000;

    private static readonly List<string> Wraps = [];

    private static async Task CheckAsync(IPage page, string role, string path, string tab, List<string> findings, List<string> errors)
    {
        var where = $"{role} {path}{(tab.Length > 0 ? " [" + tab + "]" : "")}";
        findings.AddRange((await BrowserSession.LeftoversAsync(page)).Select(l => $"{where}: {l}"));
        var text = await page.InnerTextAsync("body");
        findings.AddRange(EnglishDefaults.Matches(text).Select(m => m.Value).Distinct().Select(m => $"{where}: English default “{m}”"));
        findings.AddRange(ForeignDates.Matches(text).Select(m => m.Value).Distinct().Select(m => $"{where}: date not in Chinese form “{m}”"));
        var administrator = role.EndsWith("admin", StringComparison.Ordinal);
        findings.AddRange(Regex.Matches(text, @"(?<![A-Za-z0-9_.@/-])[A-Za-z]{2}(?![A-Za-z0-9_/-])").Select(m => m.Value)
            .Where(w => !ShortWords.Contains(w) && !BrowserSession.AllowedWords.Contains(w) && !(administrator && w.All(char.IsLower))).Distinct()
            .Select(w => $"{where}: English “{w}”"));
        // the case viewer is a frame of its own: its lists name steps as people know them, not the model's placeholders
        foreach (var frame in page.Frames.Where(f => f.Url.Contains("viewer.html", StringComparison.Ordinal)))
        {
            await frame.Locator("#side h3").First.WaitForAsync(new() { Timeout = 15_000 }).ContinueWith(_ => { });
            var side = string.Join("\n", await frame.Locator("#side").AllInnerTextsAsync());
            findings.AddRange(Regex.Matches(side, @"\$\{[^}]*\}").Select(m => m.Value).Distinct().Select(m => $"{where}: the case viewer names a step by its placeholder “{m}”"));
        }

        // a label, a status or a date broken over two lines at 1366 wide; also kept in screenshots/sweep-wraps.txt, the list
        // to start from when one comes back
        var broken = (await page.EvaluateAsync<string[]>(WrappedShortText)).Distinct().Select(b => $"{where}: short text broken over lines “{b}”").ToList();
        Wraps.AddRange(broken);
        findings.AddRange(broken);
        findings.AddRange(errors.Distinct().Select(e => $"{where}: console error {e}"));
        errors.Clear();
    }

    /// <summary>
    /// Table cells, chips and buttons whose short text (a status, a version, a date, a name of a few characters) the
    /// layout breaks over two lines at this width: at 1366×768 they must read on one.
    /// </summary>
    private const string WrappedShortText = """
        () => [...document.querySelectorAll('.mud-main-content td, .mud-main-content th, .mud-main-content .mud-chip, .mud-main-content button')]
          .filter(e => e.offsetParent !== null && !e.closest('.djs-container'))
          .map(e => [e, e.innerText.trim()])
          .filter(([e, t]) => t.length > 0 && !t.includes('\n') && (t.length <= 8 || /^(\d{4}-)?\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(t)))
          .filter(([e, t]) => {
            // the lines the text itself takes (its text nodes' boxes), not the boxes of icons or padding beside it
            const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            const lines = new Set();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.textContent.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.top / 6));
            }
            return lines.size > 1;
          })
          .map(([e, t]) => t)
        """;

    /// <summary>Waits until the page has rendered its data: no request in flight and no progress bar left.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator(".mud-progress-linear, .mud-progress-circular").First.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 10_000 })
            .ContinueWith(_ => { });
        await page.WaitForTimeoutAsync(400);
    }

    private static async Task<List<string>> LinksAsync(IPage page)
    {
        var hrefs = await page.Locator(".mud-main-content a[href]").EvaluateAllAsync<string[]>(
            "links => links.filter(a => a.origin === location.origin).map(a => a.pathname + a.search)");
        return hrefs.Where(h => !h.StartsWith("/api/", StringComparison.Ordinal) && !h.StartsWith("/hangfire", StringComparison.Ordinal)
            && !h.StartsWith("/account/", StringComparison.Ordinal) && !h.StartsWith("/_", StringComparison.Ordinal)).Distinct().ToList();
    }

    /// <summary>A path with its ids and query left out: /tasks/{id} is one kind of page however many tasks there are.</summary>
    private static string Pattern(string path) =>
        Regex.Replace(path.Split('?')[0], @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "id");

    /// <summary>
    /// The cases the pages show: the ceramics association decoupled through registration with 区财政局 returning its first
    /// item once; then the office's order of 工业和信息化局's summary (written, waiting for the office), an audit check and
    /// the district evaluation (waiting for the auditor and the evaluator), and the association's report of an important
    /// situation (waiting for the office).
    /// </summary>
    private async Task PrepareCasesAsync()
    {
        using var clerks = new ApiClerks(platform.Host.Url);
        var ceramics = await clerks.AssociationAsync("陶瓷");
        var decoupling = await clerks.StartAsync("jxj", "decoupling", ceramics.ToString());
        var returned = false;
        await clerks.WorkUntilAsync(async () => await clerks.StateAsync(decoupling) == "Completed", (user, element) =>
        {
            if (user == "czj" && element == "dReview" && !returned)
            {
                returned = true;
                return new TaskAnswer("return", [], "请补充财务独立核算的佐证材料。");
            }

            return ProcedureScript.HappyPath(element);
        }, TimeSpan.FromMinutes(4));

        await clerks.StartAsync("leading", "unit-summary", "jxj", new JsonObject { ["orderNote"] = "请于12月底前报送" });
        await clerks.StartAsync("leading", "audit-check", ceramics.ToString());
        await clerks.StartAsync("leading", "evaluation", null, new JsonObject { ["orderNote"] = "按省评估办法评估" });
        await clerks.StartAsync("assoc.ceramics", "risk-report", null, new JsonObject
        {
            ["title"] = "原主管单位拒不移交档案", ["severity"] = "serious", ["description"] = "脱钩后原主管单位仍保管协会会计档案，多次催要未移交。",
            ["proposal"] = "请领导小组办公室协调",
        });
        var waiting = new[] { ("leading", "receiveSummary"), ("leading", "officeHandle"), ("auditor", "auditCheck"), ("evaluator", "evaluatorReview") };
        await clerks.WorkUntilAsync(async () =>
        {
            foreach (var (user, element) in waiting)
            {
                var inbox = await (await clerks.AsAsync(user)).GetFromJsonAsync<JsonObject>("/api/tasks");
                if (!inbox!["items"]!.AsArray().Any(t => t!["elementId"]!.GetValue<string>() == element))
                {
                    return false;
                }
            }

            return true;
        }, (user, element) => waiting.Any(w => w.Item2 == element) ? null : ProcedureScript.HappyPath(element));
    }
}
