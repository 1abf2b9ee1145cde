using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// 通知公告 and 政策解读 (R25) through the API, on both providers: only the office publishes (a unit, a reviewer and an
/// association are refused with nothing written); an addressed association reads it, its receipt counts once however
/// many of its staff open it; an association outside the audience, another unit and a reviewer learn nothing of it; the
/// unit follows its own associations' reads; the office sees 已读 / 应读 and reminds the rest once a day.
/// </summary>
public abstract class PublicationApiTests(PlatformFactory platform)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    private static byte[] Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    private static MultipartFormDataContent Form(string? kind, string? title, string? body, IReadOnlyList<Guid>? units = null, Guid? corrects = null,
        params (byte[] Content, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        void Field(string name, string? value)
        {
            if (value is not null)
            {
                form.Add(new StringContent(value, Encoding.UTF8), name);
            }
        }

        Field("kind", kind);
        Field("title", title);
        Field("body", body);
        Field("audience", units is null ? "district" : "units");
        foreach (var unit in units ?? [])
        {
            Field("unitIds", unit.ToString());
        }

        Field("corrects", corrects?.ToString());
        foreach (var (content, name) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        return form;
    }

    private static async Task<(int Status, string Code, string Detail)> RefusalAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((int)response.StatusCode, body["code"]!.GetValue<string>(), body["detail"]!.GetValue<string>());
    }

    /// <summary>Rows a refused publication must not have left behind.</summary>
    private async Task<(int, int, int, int)> WrittenAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Publications.CountAsync(), await db.PublicationRecipients.CountAsync(), await db.Documents.CountAsync(), await db.Notifications.CountAsync());
    }

    /// <summary>A staff account of the association (the seed has one for the ceramics association only).</summary>
    private async Task<string> StaffOfAsync(Guid associationId, string userName)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var account = new PlatformUser { UserName = userName, DisplayName = userName + " 工作人员", AssociationId = associationId, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(account, "Luozhuang#2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, PlatformRoles.AssociationStaff)).Succeeded);
        }

        return userName;
    }

    private async Task<List<Association>> InScopeOfAsync(string unitCode)
    {
        var unit = platform.UnitId(unitCode);
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Associations.AsNoTracking()
            .Where(a => a.SupervisoryUnitId == unit && !a.Exempt && a.Outcome != DecouplingOutcome.Deregistered && a.Outcome != DecouplingOutcome.Revoked)
            .OrderBy(a => a.Name).ToListAsync();
    }

    private static JsonObject? Find(JsonArray list, Guid id) => list.OfType<JsonObject>().FirstOrDefault(p => p["id"]!.GetValue<Guid>() == id);

    [Fact]
    public async Task Only_the_office_publishes_and_each_reader_sees_just_what_is_addressed_to_them()
    {
        var jxjUnit = platform.UnitId("jxj");
        var jxjAssociations = await InScopeOfAsync("jxj");
        var ceramics = jxjAssociations.Single(a => a.Name.Contains("陶瓷", StringComparison.Ordinal));
        var neighbour = jxjAssociations.First(a => a.Id != ceramics.Id);
        var outside = (await InScopeOfAsync("swj"))[0];
        var suffix = platform.Postgres ? "pg" : "lite";
        var secondCeramics = await StaffOfAsync(ceramics.Id, $"assoc.ceramics.two.{suffix}");
        var neighbourStaff = await StaffOfAsync(neighbour.Id, $"assoc.neighbour.{suffix}");
        var outsideStaff = await StaffOfAsync(outside.Id, $"assoc.outside.{suffix}");

        var leading = await platform.SignedInAsync("leading");
        var jxj = await platform.SignedInAsync("jxj");
        var staff = await platform.SignedInAsync("assoc.ceramics");
        var before = await WrittenAsync();

        // nobody but the office publishes, and a refusal writes nothing (not even the attachment)
        foreach (var (user, client) in new[] { ("jxj", jxj), ("czj", await platform.SignedInAsync("czj")), ("assoc.ceramics", staff) })
        {
            var (status, code, detail) = await RefusalAsync(await client.PostAsync("/api/publications", Form("通知", "关于报送脱钩进展的通知", "请于月底前报送。", [jxjUnit], files: [(Pdf, "通知.pdf")])));
            Assert.True((403, "PUBLICATION_FORBIDDEN") == (status, code), $"{user}: {status} {code}");
            Assert.Contains("领导小组办公室", detail, StringComparison.Ordinal);
        }

        // the office's own mistakes are named by field, and write nothing either
        var (s1, c1, d1) = await RefusalAsync(await leading.PostAsync("/api/publications", Form("通知", " ", "正文", [jxjUnit])));
        Assert.Equal((422, "PUBLICATION_FIELD_REQUIRED"), (s1, c1));
        Assert.Contains("标题", d1, StringComparison.Ordinal);
        (s1, c1, d1) = await RefusalAsync(await leading.PostAsync("/api/publications", Form("公告", "标题", "正文", [jxjUnit])));
        Assert.Equal((422, "PUBLICATION_KIND_UNKNOWN"), (s1, c1));
        Assert.Contains("通知、政策解读", d1, StringComparison.Ordinal);
        (s1, c1, d1) = await RefusalAsync(await leading.PostAsync("/api/publications", Form("通知", "标题", "正文", [jxjUnit], files: [(Pdf, "通知.pdf"), (Png, "照片.png")])));
        Assert.Equal((422, "PUBLICATION_ATTACHMENT_KIND"), (s1, c1));
        Assert.Contains("照片.png", d1, StringComparison.Ordinal);
        (s1, c1, _) = await RefusalAsync(await leading.PostAsync("/api/publications", Form("通知", "标题", "正文", [jxjUnit], files: [(Pdf, "解读.docx")])));
        Assert.Equal((415, "DOCUMENT_CONTENT_MISMATCH"), (s1, c1));
        (s1, c1, _) = await RefusalAsync(await leading.PostAsync("/api/publications", Form("通知", "标题", "正文", [Guid.NewGuid()])));
        Assert.Equal((422, "PUBLICATION_UNIT_UNKNOWN"), (s1, c1));
        Assert.Equal(before, await WrittenAsync());

        // the office publishes to 经信局's associations with two attachments
        var published = await leading.PostAsync("/api/publications",
            Form("政策解读", "脱钩后党建工作政策解读", "一、党组织关系转接……\n二、党建工作经费……", [jxjUnit], files: [(Pdf, "政策原文.pdf"), (Docx("解读要点"), "解读要点.docx")]));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var view = (await published.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = view["id"]!.GetValue<Guid>();
        Assert.Equal("政策解读", view["kind"]!.GetValue<string>());
        Assert.Contains("经信局", view["audience"]!.GetValue<string>(), StringComparison.Ordinal);
        // it goes out in the office's name, not that of the department hosting the person who sent it (发改局)
        Assert.Equal("区脱钩试点领导小组办公室", view["publisherName"]!.GetValue<string>());
        var attachments = view["attachments"]!.AsArray();
        Assert.Equal(["政策原文.pdf", "解读要点.docx"], attachments.Select(a => a!["fileName"]!.GetValue<string>()));
        var attachment = attachments[0]!["documentId"]!.GetValue<Guid>();

        // each staff member of an addressed association has a notice linking to it; the outsider has none
        var notices = (await staff.GetFromJsonAsync<JsonArray>("/api/notifications"))!;
        Assert.Contains(notices, n => n!["link"]!.GetValue<string>() == $"/publications/{id}" && n["title"]!.GetValue<string>().Contains("脱钩后党建工作政策解读", StringComparison.Ordinal));
        var outsider = await platform.SignedInAsync(outsideStaff);
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonArray>("/api/notifications"))!, n => n!["link"]?.GetValue<string>() == $"/publications/{id}");

        // the office sees 已读 0 / 应读 (every in-scope association of the unit)
        var figures = (await leading.GetFromJsonAsync<JsonObject>($"/api/publications/{id}/reads"))!;
        Assert.Equal((0, jxjAssociations.Count), (figures["readCount"]!.GetValue<int>(), figures["expected"]!.GetValue<int>()));

        // outside the audience nothing is visible: not the list entry, the text, the attachment or the figures
        foreach (var (user, client) in new[] { (outsideStaff, outsider), ("swj", await platform.SignedInAsync("swj")), ("czj", await platform.SignedInAsync("czj")) })
        {
            Assert.Null(Find((await client.GetFromJsonAsync<JsonArray>("/api/publications"))!, id));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/publications/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/publications/{id}/reads")).StatusCode);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/documents/{attachment}")).StatusCode, $"{user} reached the attachment");
        }

        // the addressed association: unread in its list, no figures; opening it records the read; the attachment downloads
        var mine = Find((await staff.GetFromJsonAsync<JsonArray>("/api/publications"))!, id)!;
        Assert.False(mine["read"]!.GetValue<bool>());
        Assert.Null(mine["readCount"]);
        Assert.Null(mine["expected"]);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/publications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/documents/{attachment}")).StatusCode);
        Assert.True(Find((await staff.GetFromJsonAsync<JsonArray>("/api/publications"))!, id)!["read"]!.GetValue<bool>());
        var (s2, c2, _) = await RefusalAsync(await staff.GetAsync($"/api/publications/{id}/reads"));
        Assert.Equal((403, "PUBLICATION_READS_FORBIDDEN"), (s2, c2));
        Assert.DoesNotContain((await staff.GetFromJsonAsync<JsonArray>("/api/notifications?unread=true"))!, n => n!["link"]?.GetValue<string>() == $"/publications/{id}");

        // a colleague opening it too does not count the association twice, nor change who read it first
        var colleague = await platform.SignedInAsync(secondCeramics);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/publications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/publications/{id}")).StatusCode);
        figures = (await leading.GetFromJsonAsync<JsonObject>($"/api/publications/{id}/reads"))!;
        Assert.Equal((1, jxjAssociations.Count), (figures["readCount"]!.GetValue<int>(), figures["expected"]!.GetValue<int>()));
        var receipt = figures["associations"]!.AsArray().Single(a => a!["associationId"]!.GetValue<Guid>() == ceramics.Id)!;
        Assert.True(receipt["read"]!.GetValue<bool>());
        Assert.Equal("临沂市罗庄区陶瓷行业协会 工作人员", receipt["readerName"]!.GetValue<string>());

        // the unit follows its own associations, and only them
        var followed = Find((await jxj.GetFromJsonAsync<JsonArray>("/api/publications"))!, id)!;
        Assert.Equal((1, jxjAssociations.Count), (followed["readCount"]!.GetValue<int>(), followed["expected"]!.GetValue<int>()));
        var unitFigures = (await jxj.GetFromJsonAsync<JsonObject>($"/api/publications/{id}/reads"))!;
        Assert.All(unitFigures["associations"]!.AsArray(), a => Assert.Contains(a!["associationId"]!.GetValue<Guid>(), jxjAssociations.Select(x => x.Id)));
        Assert.Equal(HttpStatusCode.OK, (await jxj.GetAsync($"/api/documents/{attachment}")).StatusCode);

        // 催阅: the office only; the unread associations' staff get the notice again, once a day
        var (s3, c3, _) = await RefusalAsync(await jxj.PostAsync($"/api/publications/{id}/remind", null));
        Assert.Equal((403, "PUBLICATION_REMIND_FORBIDDEN"), (s3, c3));
        var reminder = (await (await leading.PostAsync($"/api/publications/{id}/remind", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(jxjAssociations.Count - 1, reminder["associations"]!.GetValue<int>());
        Assert.True(reminder["notices"]!.GetValue<int>() >= 1);
        var neighbourClient = await platform.SignedInAsync(neighbourStaff);
        Assert.Contains((await neighbourClient.GetFromJsonAsync<JsonArray>("/api/notifications"))!, n => n!["title"]!.GetValue<string>().StartsWith("催阅", StringComparison.Ordinal));
        Assert.DoesNotContain((await staff.GetFromJsonAsync<JsonArray>("/api/notifications"))!, n => n!["title"]!.GetValue<string>().StartsWith("催阅", StringComparison.Ordinal));
        var again = (await (await leading.PostAsync($"/api/publications/{id}/remind", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, again["notices"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_correction_is_a_new_publication_naming_the_one_it_corrects()
    {
        var leading = await platform.SignedInAsync("leading");
        var first = (await (await leading.PostAsync("/api/publications", Form("通知", "关于召开脱钩工作推进会的通知", "定于 12 月 5 日召开。"))).Content.ReadFromJsonAsync<JsonObject>())!;
        var firstId = first["id"]!.GetValue<Guid>();
        Assert.Equal("全区纳入脱钩范围的协会商会", first["audience"]!.GetValue<string>());

        var (status, code, _) = await RefusalAsync(await leading.PostAsync("/api/publications", Form("通知", "更正", "日期改为 12 月 6 日。", corrects: Guid.NewGuid())));
        Assert.Equal((422, "PUBLICATION_CORRECTED_UNKNOWN"), (status, code));
        var correction = await leading.PostAsync("/api/publications", Form("通知", "关于召开脱钩工作推进会的更正通知", "日期改为 12 月 6 日。", corrects: firstId));
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var correctionId = (await correction.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // the association sees both, the correction naming the original, the original marked as corrected
        var staff = await platform.SignedInAsync("assoc.ceramics");
        var list = (await staff.GetFromJsonAsync<JsonArray>("/api/publications"))!;
        Assert.Equal("关于召开脱钩工作推进会的通知", Find(list, correctionId)!["correctsTitle"]!.GetValue<string>());
        Assert.True(Find(list, firstId)!["corrected"]!.GetValue<bool>());
        var original = (await staff.GetFromJsonAsync<JsonObject>($"/api/publications/{firstId}"))!;
        Assert.Equal([correctionId], original["correctedBy"]!.AsArray().Select(c => c!.GetValue<Guid>()));

        // there is no editing: the published text stays as it was
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await leading.PutAsJsonAsync($"/api/publications/{firstId}", new { title = "改" })).StatusCode);
    }
}

public sealed class SqlitePublicationApiTests(SqlitePlatform fixture) : PublicationApiTests(fixture.Factory), IClassFixture<SqlitePlatform>;

public sealed class PostgresPublicationApiTests(PostgresPlatform fixture) : PublicationApiTests(fixture.Factory), IClassFixture<PostgresPlatform>;
