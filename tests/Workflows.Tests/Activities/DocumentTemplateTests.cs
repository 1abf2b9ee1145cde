using Decoupling.Activities.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Workflows.Tests.Activities;

/// <summary>The Word templates of seed/templates exist, carry their placeholders and render with Chinese fonts.</summary>
public sealed class DocumentTemplateTests
{
    private static string Folder => Path.Combine(RepositoryFiles.Seed, "templates");

    [Fact]
    public void The_templates_exist_and_are_current()
    {
        if (Environment.GetEnvironmentVariable("SEED_REGENERATE") == "1" || !Directory.Exists(Folder))
        {
            DocxTemplateWriter.WriteAll(Folder);
        }

        foreach (var kind in DocumentKinds.All)
        {
            var path = Path.Combine(Folder, DocumentKinds.TemplateFile(kind));
            Assert.True(File.Exists(path), path);
            using var document = WordprocessingDocument.Open(path, false);
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("{{date}}", text);
        }
    }

    [Fact]
    public void A_rendered_plan_holds_the_values_the_item_table_and_chinese_fonts()
    {
        var values = new Dictionary<string, string> { ["associationName"] = "临沂市罗庄区陶瓷行业协会", ["creditCode"] = "51371311MJD123456X", ["date"] = "2026年1月5日" };
        var items = new DocxTable(["序号", "事项"], [["1", "取消主管关系"], ["2", "资产清查"]]);

        var bytes = DocxRenderer.Render(DocxTemplateWriter.Write(DocumentKinds.Plan), values, new Dictionary<string, DocxTable> { ["items"] = items });

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains("临沂市罗庄区陶瓷行业协会脱钩实施方案", body.InnerText);
        Assert.Contains("51371311MJD123456X", body.InnerText);
        Assert.DoesNotContain("{{", body.InnerText);
        var table = Assert.Single(body.Descendants<Table>());
        Assert.Equal(3, table.Elements<TableRow>().Count());
        Assert.Contains("资产清查", table.InnerText);
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Contains(f.EastAsia!.Value, new[] { "宋体", "仿宋" }));
    }
}
