using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// One association through all five steps by clicking, as each person would: the unit starts it, the association
/// self-checks (what it typed into an item survives an upload for that item), seals and uploads evidence in its portal,
/// the unit verifies and submits the plan, the leading group approves it, the reviewing departments decide their items
/// (one returned for correction, one refused and sent back for a new review by the office, the rest approved), the
/// registration window and 民政局 register the change and the renewed certificate reaches the association's documents;
/// then the office orders the unit's summary (returned once with a reason, revised, received; the auditor checks what
/// the draw picked) and the district evaluation (the evaluator asks once for more material, then approves), and the
/// summary and the report are read back from the files people download. Screenshots of each main page are kept under
/// the test output (screenshots/).
/// </summary>
public sealed class ProcedureInBrowserTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private readonly Clerks clerks = new(platform);

    [Fact]
    public async Task The_ceramics_association_is_decoupled_by_clicking()
    {
        // the unit starts decoupling from its workspace; the association self-checks in its portal, seals; the plan is approved
        await clerks.StartDecouplingAsync("jxj", "陶瓷", "30-unit-workspace");
        await UnsavedInputSurvivesAnUploadAsync();
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
        await Assertions.Expect(leading.Locator("#association-status")).ToContainTextAsync("已脱钩");

        // the unit's workbench keeps the association it no longer supervises, finished, behind 显示已完成的协会
        var unitDesk = await clerks.AsAsync("jxj");
        await unitDesk.GotoAsync("/unit");
        await Assertions.Expect(unitDesk.Locator("#unit-summary-line")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("已完成 [1-9]"));
        await Assertions.Expect(unitDesk.Locator("#unit-associations tr", new() { HasText = "陶瓷" })).ToHaveCountAsync(0);
        await unitDesk.Locator("#show-finished").ClickAsync();
        await Assertions.Expect(unitDesk.Locator("#unit-associations tr", new() { HasText = "陶瓷" })).ToContainTextAsync("已脱钩");
        await BrowserSession.ScreenshotAsync(unitDesk, "36a-unit-workspace-finished");
        await leading.GotoAsync("/dashboard");
        await Assertions.Expect(leading.Locator("#stat-total")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(leading, "37-dashboard");

        // the renewed certificate is the association's to download (issue 14)
        await RenewedCertificateIsInThePortalAsync();

        // step 4: the unit's summary, step 5: the district's evaluation
        await UnitSummaryAsync();
        await DistrictEvaluationAsync();
    }

    /// <summary>
    /// The association types an item's situation, deadline, responsible unit and person, does not save, and uploads
    /// evidence for that item: what it typed is still there after the upload, and saving keeps it for good.
    /// </summary>
    private async Task UnsavedInputSurvivesAnUploadAsync()
    {
        var portal = await clerks.AsAsync("assoc.ceramics");
        var editable = portal.Locator(".checklist-item", new() { Has = portal.Locator(".item-situation textarea") });
        for (var attempt = 0; attempt < 40; attempt++)
        {
            // the checklist is built from the template in the background once the unit has started the case
            await portal.GotoAsync("/portal");
            await portal.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await editable.CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        var id = await editable.First.GetAttributeAsync("id");
        var item = portal.Locator("#" + id);
        const string situation = "协会与区经信局合署办公，共用办公室和财务人员。";
        await item.Locator(".item-situation textarea").FillAsync(situation);
        var deadline = item.Locator(".item-deadline input");
        await deadline.FillAsync("2026-10-31");
        await deadline.PressAsync("Tab");
        await item.Locator(".item-unit input").FillAsync("协会办公室");
        await item.Locator(".item-person input").FillAsync("李主任");
        // a person clicks 上传佐证 next: the field they typed in loses focus
        await item.Locator(".item-person input").PressAsync("Tab");
        await item.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "办公用房租赁合同.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = Docx.Minimal("办公用房租赁合同"),
        });
        await Assertions.Expect(item.Locator(".mud-chip", new() { HasText = "办公用房租赁合同.docx" })).ToBeVisibleAsync();

        async Task TypedValuesAreThere()
        {
            await Assertions.Expect(item.Locator(".item-situation textarea")).ToHaveValueAsync(situation);
            await Assertions.Expect(item.Locator(".item-deadline input")).ToHaveValueAsync("2026-10-31");
            await Assertions.Expect(item.Locator(".item-unit input")).ToHaveValueAsync("协会办公室");
            await Assertions.Expect(item.Locator(".item-person input")).ToHaveValueAsync("李主任");
        }

        await TypedValuesAreThere();
        await BrowserSession.ScreenshotAsync(portal, "30a-portal-upload-keeps-input");

        // the upload does not save the item; 保存 does, and a fresh page shows what was saved
        await item.Locator("button[id^='save-']").ClickAsync();
        await Assertions.Expect(portal.Locator(".mud-snackbar", new() { HasText = "已保存" }).First).ToBeVisibleAsync();
        await portal.ReloadAsync();
        await TypedValuesAreThere();
        await Assertions.Expect(item.Locator(".mud-chip", new() { HasText = "办公用房租赁合同.docx" })).ToBeVisibleAsync();
    }

    /// <summary>After registration the association finds its renewed certificate under 文书下载 in its portal.</summary>
    private async Task RenewedCertificateIsInThePortalAsync()
    {
        var portal = await clerks.AsAsync("assoc.ceramics");
        var certificate = portal.Locator("#document-list tr", new() { Has = portal.Locator(".doc-type", new() { HasText = "登记证书" }) });
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await portal.GotoAsync("/portal");
            await portal.Locator(".mud-tab", new() { HasText = "文书下载" }).ClickAsync();
            await portal.Locator("#document-list").WaitForAsync();
            await portal.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await certificate.CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await Assertions.Expect(certificate.First).ToContainTextAsync("陶瓷行业协会");
        // the portal shows the same status as the register and the unit's workbench
        await Assertions.Expect(portal.Locator("#case-status")).ToHaveTextAsync("已脱钩");
        // its own case is over, the unit's summary and the district's evaluation are still to come
        await Assertions.Expect(portal.Locator("#case-progress .step.done")).ToHaveCountAsync(3);
        await Assertions.Expect(portal.Locator("#case-progress")).ToContainTextAsync("待业务主管单位报送工作总结");
        await BrowserSession.ScreenshotAsync(portal, "38-portal-certificate");
    }

    /// <summary>
    /// Step 4. The office orders 区经信局's summary from the dashboard; the unit reads the generated draft (it names the
    /// unit, the ceramics association and what was decided) and submits it; the office returns it once with a reason,
    /// which the unit's task shows; the unit uploads a revised summary and submits again; the office receives it. The
    /// auditor checks whatever the draw picked, from a home page that shows the auditor's own work.
    /// </summary>
    private async Task UnitSummaryAsync()
    {
        var leading = await clerks.AsAsync("leading");
        await leading.GotoAsync("/dashboard");
        await leading.Locator("#start-unit-summary").ClickAsync();
        await leading.Locator("#start-form").WaitForAsync();
        await Assertions.Expect(leading.Locator("#start-title")).ToHaveTextAsync("脱钩工作总结");
        await leading.Locator("#start-subject input").FillAsync("经济");
        await leading.Locator(".mud-popover-open .mud-list-item", new() { HasText = "区经济和信息化局" }).First.ClickAsync();
        await Assertions.Expect(leading.Locator("#start-subject input")).ToHaveValueAsync("区经济和信息化局");
        await leading.Locator("#field-orderNote textarea:visible, #field-orderNote input:visible").First.FillAsync("请总结所属协会商会脱钩情况，10个工作日内报送。");
        await BrowserSession.ScreenshotAsync(leading, "70-start-unit-summary");
        await leading.Locator("#start-submit").ClickAsync();
        await leading.WaitForURLAsync("**/instances/**");
        var summaryCase = new Uri(leading.Url).AbsolutePath;

        // the unit reads the draft the platform wrote from its records, in the task itself
        await clerks.CompleteWhenThereAsync("jxj", "业务主管单位修改并报送总结", "71-task-edit-summary", outcome: "submit", prepare: async unit =>
        {
            await Assertions.Expect(unit.Locator("#task-facts")).ToContainTextAsync("10个工作日内报送");
            var draft = unit.Locator("#task-documents tr", new() { HasText = "脱钩工作总结" });
            await Assertions.Expect(draft.Locator(".doc-type")).ToHaveTextAsync("工作总结");
            var (fileName, text) = await Docx.DownloadAsync(unit, draft);
            Assert.Equal("区经济和信息化局脱钩工作总结.docx", fileName);
            Assert.Contains("区经济和信息化局行业协会商会脱钩工作总结", text);
            Assert.Contains("临沂市罗庄区陶瓷行业协会", text);
            Assert.Matches(@"已完成脱钩[1-9]\d*个", text);
            Assert.Matches(@"临沂市罗庄区陶瓷行业协会\n[0-9A-Z]{18}\n已脱钩", text);
            Assert.DoesNotContain("{{", text);
        });

        var auditor = await clerks.AsAsync("auditor");
        await auditor.GotoAsync("/");
        await Assertions.Expect(auditor.Locator("#next-step")).ToHaveTextAsync("审计抽查抽中的协会、复核整改");
        await auditor.Locator("#home-work").WaitForAsync();
        await BrowserSession.ScreenshotAsync(auditor, "72-home-auditor");
        var drawn = await auditor.Locator("#home-work a", new() { HasText = "审计抽查：" }).CountAsync();
        var audited = 0;
        while (await clerks.CompleteAsync("auditor", "审计抽查：", audited == 0 ? "73-task-audit-check" : null, outcome: "clean"))
        {
            audited++;
        }

        // what the draw picked was on the auditor's home page before the inbox
        Assert.True(audited == 0 || drawn > 0, "the auditor's home page did not show the drawn audit");

        // the office returns the summary once with its reason; the unit's task shows it
        const string reason = "请补充陶瓷行业协会脱钩后会员服务情况。";
        await clerks.CompleteWhenThereAsync("leading", "领导小组办公室接收总结", "74-task-receive-summary", outcome: "return", comment: reason,
            prepare: office => Assertions.Expect(office.Locator("#task-documents tr", new() { HasText = "脱钩工作总结" })).ToBeVisibleAsync());
        await clerks.CompleteWhenThereAsync("jxj", "业务主管单位修改并报送总结", "75-task-summary-returned", outcome: "submit", prepare: async unit =>
        {
            await Assertions.Expect(unit.Locator("#task-facts")).ToContainTextAsync(reason);
            // the revised summary is the next version of the same document
            await unit.Locator("#task-documents .doc-revise input[type=file]").First.SetInputFilesAsync(new FilePayload
            {
                Name = "区经济和信息化局脱钩工作总结（修改稿）.docx",
                MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Buffer = Docx.Minimal("区经济和信息化局脱钩工作总结（修改稿）：陶瓷行业协会脱钩后为会员单位开展技术培训12次。"),
            });
            await Assertions.Expect(unit.Locator(".mud-snackbar", new() { HasText = "第 2 版" }).First).ToBeVisibleAsync();
        });

        // the office reads the revised version and receives it
        await clerks.CompleteWhenThereAsync("leading", "领导小组办公室接收总结", outcome: "receive", prepare: async office =>
        {
            var (_, text) = await Docx.DownloadAsync(office, office.Locator("#task-documents tr", new() { HasText = "修改稿" }));
            Assert.Contains("技术培训12次", text);
        });

        // the case ends once the draw's audits are done, its summary on the case's page
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await leading.GotoAsync(summaryCase);
            await leading.Locator("#instance-title").WaitForAsync();
            if (await leading.Locator("#instance-state", new() { HasText = "已办结" }).CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await Assertions.Expect(leading.Locator("#instance-state", new() { HasText = "已办结" })).ToBeVisibleAsync();
        await Assertions.Expect(leading.Locator("#instance-documents")).ToContainTextAsync("修改稿");
        await BrowserSession.ScreenshotAsync(leading, "76-instance-unit-summary");
    }

    /// <summary>
    /// Step 5. The office orders the district evaluation from the dashboard; the evaluator, whose home page shows the
    /// evaluation, asks once for more material; the office supplies it; the evaluator approves with findings; the final
    /// report on the case's page has the district's real figures and the ceramics association decoupled, in words.
    /// </summary>
    private async Task DistrictEvaluationAsync()
    {
        var leading = await clerks.AsAsync("leading");
        await leading.GotoAsync("/dashboard");
        await leading.Locator("#start-evaluation").ClickAsync();
        await leading.Locator("#start-form").WaitForAsync();
        await Assertions.Expect(leading.Locator("#start-title")).ToHaveTextAsync("脱钩成效评估");
        await leading.Locator("#field-orderNote textarea:visible, #field-orderNote input:visible").First.FillAsync("请按评估指标对全区脱钩改革试点进行评估。");
        await BrowserSession.ScreenshotAsync(leading, "80-start-evaluation");
        await leading.Locator("#start-submit").ClickAsync();
        await leading.WaitForURLAsync("**/instances/**");
        var evaluationCase = new Uri(leading.Url).AbsolutePath;

        var evaluator = await clerks.AsAsync("evaluator");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await evaluator.GotoAsync("/");
            await evaluator.Locator("#home-work").WaitForAsync();
            if (await evaluator.Locator("#home-work a", new() { HasText = "评估方审核并记录评估意见" }).CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await Assertions.Expect(evaluator.Locator("#home-work a", new() { HasText = "评估方审核并记录评估意见" })).ToBeVisibleAsync();
        await Assertions.Expect(evaluator.Locator("#next-step")).ToHaveTextAsync("审核全区脱钩评估、记录评估意见");
        await BrowserSession.ScreenshotAsync(evaluator, "81-home-evaluator");

        const string request = "请补充陶瓷行业协会换发登记证书的材料。";
        await clerks.CompleteWhenThereAsync("evaluator", "评估方审核并记录评估意见", "82-task-evaluator-review", outcome: "revise", comment: request,
            prepare: page => Assertions.Expect(page.Locator("#task-documents tr", new() { HasText = "成效评估报告" }).First).ToBeVisibleAsync());
        await clerks.CompleteWhenThereAsync("leading", "领导小组办公室补充材料", "83-task-office-revise", outcome: "resubmit", prepare: async office =>
        {
            await Assertions.Expect(office.Locator("#task-facts")).ToContainTextAsync(request);
            await office.Locator("#field-officeNote textarea:visible, #field-officeNote input:visible").First.FillAsync("陶瓷行业协会已换发登记证书，证书副本已在文书中。");
        });
        const string findings = "全区脱钩工作程序规范，五分离落实到位，建议持续加强脱钩后综合监管。";
        await clerks.CompleteWhenThereAsync("evaluator", "评估方审核并记录评估意见", outcome: "approve", prepare: async page =>
        {
            await Assertions.Expect(page.Locator("#task-facts")).ToContainTextAsync("陶瓷行业协会已换发登记证书");
            await page.Locator("#field-findings textarea:visible, #field-findings input:visible").First.FillAsync(findings);
        });

        for (var attempt = 0; attempt < 40; attempt++)
        {
            await leading.GotoAsync(evaluationCase);
            await leading.Locator("#instance-title").WaitForAsync();
            if (await leading.Locator("#instance-state", new() { HasText = "已办结" }).CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await Assertions.Expect(leading.Locator("#instance-state", new() { HasText = "已办结" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(leading, "84-instance-evaluation");
        // the newest report is the final one: the evaluator's findings, the district's figures, results in words
        var (fileName, text) = await Docx.DownloadAsync(leading, leading.Locator("#instance-documents tr", new() { HasText = "成效评估报告" }).First);
        Assert.Equal("罗庄区成效评估报告.docx", fileName);
        // the draft generated before the evaluator's findings is listed too, and says it is the draft
        await Assertions.Expect(leading.Locator("#instance-documents tr", new() { HasText = "罗庄区成效评估报告（初稿）.docx" })).ToHaveCountAsync(1);
        Assert.Contains(findings, text);
        Assert.Contains("评估方：省脱钩试点领导小组", text);
        Assert.Matches(@"行业协会商会共[1-9]\d*个，其中已脱钩[1-9]\d*个", text);
        Assert.Matches(@"全区综合得分\d+(\.\d)?分", text);
        Assert.Matches(@"临沂市罗庄区陶瓷行业协会\n[0-9A-Z]{18}\n已脱钩\n\d+(\.\d)?", text);
        Assert.Contains("区经济和信息化局", text);
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotMatch(@"Decoupled|InProgress|NotStarted|\bjxj\b|\bnull\b", text);

        // the association sees all five steps done
        var portal = await clerks.AsAsync("assoc.ceramics");
        await portal.GotoAsync("/portal");
        await Assertions.Expect(portal.Locator("#case-progress .step.done")).ToHaveCountAsync(5);
        await Assertions.Expect(portal.Locator("#case-progress")).ToContainTextAsync("全区成效评估已完成");
        await BrowserSession.ScreenshotAsync(portal, "85-portal-all-steps-done");
    }
}
