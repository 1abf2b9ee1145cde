using System.Text;
using Decoupling.Application.People;
using Decoupling.Application.Publications;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Host.Components.Pages.Publications;
using Decoupling.Host.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Decoupling.Components.Tests;

/// <summary>
/// 通知公告 on the real application layer: the association's portal tab marks a new notice 未读 and, once opened, 已读;
/// the office publishes from its page (a draft without a title is refused in the dialog, naming it), and its reading
/// panel counts 已读 / 应读, lists the unread associations and reminds them.
/// </summary>
public sealed class PublicationTabTests
{
    private const string Ceramics = "临沂市罗庄区陶瓷行业协会";

    private static async Task<(PublicationView Published, CaseActor Office)> PublishAsync(PlatformFixture platform)
    {
        var actors = platform.Context.Services.GetRequiredService<ActorResolver>();
        var office = (await actors.ByUserNameAsync("leading"))!;
        var draft = new PublicationDraft("政策解读", "脱钩后党建工作政策解读", "一、党组织关系转接。", ToWholeDistrict: true, [], null,
            [new PublicationFile("政策原文.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")))]);
        return (await platform.Context.Services.GetRequiredService<PublicationBoard>().PublishAsync(office, draft), office);
    }

    /// <summary>A staff account for an addressed association other than ceramics (the seed has staff for ceramics only).</summary>
    private static async Task StaffOfAnotherAssociationAsync(PlatformFixture platform, string userName)
    {
        await using var scope = platform.Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var other = await db.Associations.Where(a => !a.Exempt && a.Name != Ceramics && a.Outcome != DecouplingOutcome.Deregistered && a.Outcome != DecouplingOutcome.Revoked).OrderBy(a => a.Name).FirstAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var account = new PlatformUser { UserName = userName, DisplayName = other.Name + " 工作人员", AssociationId = other.Id, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, "Luozhuang#2026")).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, PlatformRoles.AssociationStaff)).Succeeded);
    }

    [Fact]
    public async Task The_portal_tab_marks_a_new_notice_unread_until_the_association_has_opened_it()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var (published, _) = await PublishAsync(platform);
        var unread = -1;

        var tab = platform.Context.Render<PublicationList>(p => p.Add(c => c.OnUnread, n => unread = n));

        tab.WaitForAssertion(() => Assert.Contains("脱钩后党建工作政策解读", tab.Find("#publication-list").TextContent));
        Assert.Equal("未读", tab.Find(".publication-read").TextContent.Trim());
        Assert.Equal(1, unread);
        Assert.Equal($"/publications/{published.Id}", tab.Find("a.publication-title").GetAttribute("href"));
        Assert.DoesNotContain("应读", tab.Markup, StringComparison.Ordinal);

        var staff = (await platform.Context.Services.GetRequiredService<ActorResolver>().ByUserNameAsync("assoc.ceramics"))!;
        await platform.Context.Services.GetRequiredService<PublicationBoard>().OpenAsync(staff, published.Id);
        await tab.InvokeAsync(() => tab.Instance.ReloadAsync());

        tab.WaitForAssertion(() => Assert.Equal("已读", tab.Find(".publication-read").TextContent.Trim()));
        Assert.Equal(0, unread);
    }

    [Fact]
    public async Task The_office_counts_reads_and_reminds_the_associations_that_have_not_read()
    {
        await using var platform = await PlatformFixture.CreateAsync("leading");
        var (published, _) = await PublishAsync(platform);
        var staff = (await platform.Context.Services.GetRequiredService<ActorResolver>().ByUserNameAsync("assoc.ceramics"))!;
        await platform.Context.Services.GetRequiredService<PublicationBoard>().OpenAsync(staff, published.Id);
        await StaffOfAnotherAssociationAsync(platform, "assoc.other");
        int expected;
        await using (var scope = platform.Context.Services.CreateAsyncScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PublicationRecipients.CountAsync(r => r.PublicationId == published.Id);
        }

        var panel = platform.Context.Render<PublicationReadsPanel>(p => p.Add(c => c.PublicationId, published.Id));

        panel.WaitForAssertion(() => Assert.Equal($"已读 1 / 应读 {expected}", panel.Find("#publication-read-figures").TextContent.Trim()));
        var rows = panel.FindAll("#publication-readers tbody tr");
        Assert.Equal(expected, rows.Count);
        Assert.Contains("未读", rows[0].TextContent);
        var ceramics = rows.Single(r => r.TextContent.Contains(Ceramics, StringComparison.Ordinal));
        Assert.Contains("已读", ceramics.TextContent);
        Assert.Contains("陶瓷行业协会 工作人员", ceramics.TextContent);
        Assert.Contains($"（{expected - 1} 个）", panel.Find("#publication-remind").TextContent);

        panel.Find("#publication-remind").Click();

        // the unread association's staff are reminded; the association that read it is not
        panel.WaitForAssertion(() =>
        {
            using var scope = platform.Context.Services.CreateScope();
            var reminded = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Notifications.Where(n => n.Title.StartsWith("催阅")).Select(n => n.RecipientUserId).ToList();
            Assert.Equal(["assoc.other"], reminded);
        });
    }

    [Fact]
    public async Task The_office_publishes_from_its_page_and_a_refused_draft_names_the_missing_field()
    {
        await using var platform = await PlatformFixture.CreateAsync("leading");
        platform.Context.Render<MudPopoverProvider>();
        var dialogs = platform.Context.Render<MudDialogProvider>();
        var page = platform.Context.Render<PublicationsPage>();
        page.WaitForAssertion(() => Assert.Contains("暂无通知公告", page.Find("#publication-list").TextContent));

        page.Find("#publication-new").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#publish-submit"));

        // no title: the board refuses, the dialog says which field, and nothing is published
        dialogs.Find("#publish-body").Change("请各协会于 12 月 10 日前报送脱钩进展。");
        dialogs.Find("#publish-submit").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("标题", dialogs.Find("#publish-error").TextContent));

        dialogs.Find("#publish-title").Change("关于报送脱钩工作进展的通知");
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), "进展表.pdf"));
        dialogs.WaitForAssertion(() => Assert.Contains("进展表.pdf", dialogs.Find(".publish-file").TextContent));
        dialogs.Find("#publish-submit").Click();

        page.WaitForAssertion(() => Assert.Contains("关于报送脱钩工作进展的通知", page.Find("#publication-list").TextContent));
        Assert.Contains("已读 0 / 应读", page.Find(".publication-read").TextContent);
        await using var scope = platform.Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var published = Assert.Single(await db.Publications.AsNoTracking().ToListAsync());
        Assert.Equal("进展表.pdf", (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == Assert.Single(published.AttachmentDocumentIds))).FileName);
    }

    [Fact]
    public async Task Opening_the_publication_page_records_the_read_and_shows_the_body_as_text()
    {
        await using var platform = await PlatformFixture.CreateAsync("assoc.ceramics");
        var actors = platform.Context.Services.GetRequiredService<ActorResolver>();
        var draft = new PublicationDraft("通知", "关于报送材料的通知", "第一行<script>alert(1)</script>\n第二行", ToWholeDistrict: true, [], null, []);
        var published = await platform.Context.Services.GetRequiredService<PublicationBoard>().PublishAsync((await actors.ByUserNameAsync("leading"))!, draft);

        var ceramics = await platform.AssociationIdAsync(Ceramics);
        var page = platform.Context.Render<PublicationDetail>(p => p.Add(c => c.Id, published.Id));

        page.WaitForAssertion(() => Assert.Equal("关于报送材料的通知", page.Find("#publication-title").TextContent.Trim()));
        Assert.Equal("第一行<script>alert(1)</script>\n第二行", page.Find("#publication-body").TextContent);
        Assert.Empty(page.FindAll("#publication-body script"));
        Assert.Empty(page.FindAll("#publication-reads"));
        await using var scope = platform.Context.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PublicationRecipients.AsNoTracking()
            .SingleAsync(r => r.PublicationId == published.Id && r.AssociationId == ceramics);
        Assert.Equal("assoc.ceramics", receipt.FirstReaderUserName);
    }
}
