using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// One association through the whole procedure by clicking, as each person would: the unit starts it, the association
/// self-checks, seals and uploads evidence in its portal, the unit verifies and submits the plan, the leading group
/// approves it, the reviewing departments decide their items (one returned for correction, one refused and sent back
/// for a new review by the office, the rest approved), the registration window and 民政局 register the change.
/// Screenshots of each main page are kept under the test output (screenshots/).
/// </summary>
public sealed class ProcedureInBrowserTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private readonly Clerks clerks = new(platform);

    [Fact]
    public async Task The_ceramics_association_is_decoupled_by_clicking()
    {
        // the unit starts decoupling from its workspace; the association self-checks in its portal, seals; the plan is approved
        await clerks.StartDecouplingAsync("jxj", "陶瓷", "30-unit-workspace");
        await clerks.PlanUntilApprovedAsync("assoc.ceramics", "jxj", async portal =>
        {
            await portal.GotoAsync("/portal");
            await Assertions.Expect(portal.Locator("#case-progress")).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(portal, "32-portal");
        }, screenshots: true);
        var association = await clerks.AsAsync("assoc.ceramics");

        // each department's review is named by its item in the inbox, not one more anonymous 部门审核 row
        var finance = await clerks.AsAsync("czj");
        for (var attempt = 0; attempt < 40 && await finance.Locator("#inbox-table a", new() { HasText = "区财政局审核：" }).CountAsync() == 0; attempt++)
        {
            await finance.GotoAsync("/tasks");
            await finance.Locator("#inbox-table").WaitForAsync();
            await finance.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Assertions.Expect(finance.Locator("#inbox-table a", new() { HasText = "区财政局审核：" }).First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^区财政局审核：\d+\. \S+"));

        // the reviewing departments decide the items routed to them: 区财政局 returns its first item for correction (the
        // association corrects it), another department refuses its first (the office sends it back for a new review),
        // everything else is approved
        var reviewers = new[] { "jxj", "bb", "czj", "jgswj", "zzb", "rsj", "wsb" };
        string? refusedBy = null;
        var returned = false;
        var idle = 0;
        while (idle < 2)
        {
            var any = false;
            foreach (var reviewer in reviewers)
            {
                // each review task is named by its department and item: 区财政局审核：7. 财务独立核算、单独建账
                while (true)
                {
                    var outcome = reviewer == "czj" && !returned ? "return"
                        : reviewer is not ("czj" or "jxj") && refusedBy is null ? "reject"
                        : "approve";
                    if (!await clerks.CompleteAsync(reviewer, "审核：", reviewer == "czj" ? "34-inbox-review" : null, outcome: outcome))
                    {
                        break;
                    }

                    returned |= outcome == "return";
                    refusedBy ??= outcome == "reject" ? reviewer : null;
                    any = true;
                }
            }

            // the association corrects the returned item; the office asks the refusing department to review again
            while (await clerks.CompleteAsync("assoc.ceramics", "补正：", returned ? "36-correction" : null))
            {
                any = true;
            }

            while (await clerks.CompleteAsync("leading", "协调：", refusedBy is not null ? "37-coordination" : null, outcome: "rereview"))
            {
                any = true;
            }

            idle = any ? 0 : idle + 1;
            await Task.Delay(1000);
        }

        Assert.True(returned, "区财政局 had no item to return");
        Assert.NotNull(refusedBy);

        // the association uploads evidence for every item in its portal, then reports completion
        await association.GotoAsync("/portal");
        var uploads = association.Locator(".checklist-item input[type=file]");
        await uploads.First.WaitForAsync();
        var count = await uploads.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await association.Locator(".checklist-item input[type=file]").Nth(i).SetInputFilesAsync(new FilePayload
            {
                Name = $"佐证{i + 1}.docx",
                MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Buffer = Docx.Minimal($"第{i + 1}项完成情况"),
            });
            await Assertions.Expect(association.Locator(".checklist-item").Nth(i).Locator(".mud-chip", new() { HasText = "佐证" })).ToBeVisibleAsync();
        }

        await BrowserSession.ScreenshotAsync(association, "35-portal-evidence");
        await clerks.CompleteWhenThereAsync("assoc.ceramics", "上传佐证材料");
        // the unit reads the evidence on the task page itself, previewed from the .docx, before confirming completion
        var unit = await clerks.AsAsync("jxj");
        for (var attempt = 0; attempt < 40 && await unit.Locator("#inbox-table a", new() { HasText = "业务主管单位确认完成" }).CountAsync() == 0; attempt++)
        {
            await unit.GotoAsync("/tasks");
            await unit.Locator("#inbox-table").WaitForAsync();
            await unit.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await unit.Locator("#inbox-table a", new() { HasText = "业务主管单位确认完成" }).First.ClickAsync();
        var evidence = unit.Locator("#task-documents tr", new() { HasText = "佐证1.docx" });
        await evidence.Locator("button.doc-preview").ClickAsync();
        await Assertions.Expect(unit.Locator("#document-preview")).ToContainTextAsync("第1项完成情况");
        await Assertions.Expect(evidence.Locator(".doc-item")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"第 \d+ 项"));
        await BrowserSession.ScreenshotAsync(unit, "35b-task-document-preview");
        await clerks.CompleteWhenThereAsync("jxj", "业务主管单位确认完成", outcome: "confirm");

        // one window: intake, back-office approvals, then the register is updated and the certificate renewed
        await clerks.CompleteWhenThereAsync("registrar", "前台综合受理", "35c-task-intake", outcome: "accept", prepare: page => Clerks.ChooseAsync(page, "channel", "网上申请"));
        await clerks.CompleteWhenThereAsync("leading.mz", "章程核准");
        await clerks.CompleteWhenThereAsync("registrar", "变更登记审批");
        await clerks.CompleteWhenThereAsync("registrar", "印章及银行账户备案");

        var leading = await clerks.AsAsync("leading");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await leading.GotoAsync("/register");
            await leading.Locator("#register-search").FillAsync("陶瓷");
            await Task.Delay(600);
            if (await leading.Locator("#register-table tr", new() { HasText = "已完成脱钩" }).CountAsync() > 0
                || await leading.Locator("#register-table tr", new() { HasText = "已脱钩" }).CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await leading.Locator("#register-table a", new() { HasText = "陶瓷" }).First.ClickAsync();
        await Assertions.Expect(leading.Locator("#association-name")).ToContainTextAsync("陶瓷");
        await Assertions.Expect(leading.Locator("#change-history")).ToContainTextAsync("业务主管单位");
        await BrowserSession.ScreenshotAsync(leading, "36-register-detail");
        await leading.GotoAsync("/dashboard");
        await Assertions.Expect(leading.Locator("#stat-total")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(leading, "37-dashboard");
    }
}
