using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Activities.Documents;

/// <summary>
/// Writes the four document templates of seed/templates (plan, review document, unit summary, evaluation report) with
/// their placeholders. Users replace the files with their own Word templates; this only produces the first set.
/// Regenerate with <c>SEED_REGENERATE=1 dotnet test tests/Workflows.Tests --filter DocumentTemplateTests</c>.
/// </summary>
public static class DocxTemplateWriter
{
    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var kind in DocumentKinds.All)
        {
            File.WriteAllBytes(Path.Combine(folder, DocumentKinds.TemplateFile(kind)), Write(kind));
        }
    }

    public static byte[] Write(string kind)
    {
        var lines = kind switch
        {
            DocumentKinds.Plan => Plan(),
            DocumentKinds.Review => Review(),
            DocumentKinds.Summary => Summary(),
            DocumentKinds.Evaluation => Evaluation(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(ChineseFonts.Fonts(ChineseFonts.Body),
                    new FontSize { Val = "32" }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))));
            var body = new Body();
            foreach (var (style, text) in lines)
            {
                body.Append(Paragraph(style, text));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(char style, string text)
    {
        var properties = new ParagraphProperties();
        RunProperties run;
        switch (style)
        {
            case 'T': // title
                properties.Append(new Justification { Val = JustificationValues.Center });
                run = ChineseFonts.Run(ChineseFonts.Title, 44, bold: true);
                break;
            case 'C': // centred line (document number)
                properties.Append(new Justification { Val = JustificationValues.Center });
                run = ChineseFonts.Run(ChineseFonts.Body, 32);
                break;
            case 'H': // heading 一、
                run = ChineseFonts.Run(ChineseFonts.Title, 32, bold: true);
                break;
            case 'R': // signature, right aligned
                properties.Append(new Justification { Val = JustificationValues.Right });
                run = ChineseFonts.Run(ChineseFonts.Body, 32);
                break;
            default: // body, first line indented two characters
                properties.Append(new Indentation { FirstLineChars = 200 });
                run = ChineseFonts.Run(ChineseFonts.Body, 32);
                break;
        }

        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static (char, string)[] Plan() =>
    [
        ('T', "{{associationName}}脱钩实施方案"),
        ('C', "业务主管单位：{{supervisoryUnit}}"),
        ('H', "一、基本情况"),
        ('B', "{{associationName}}（统一社会信用代码：{{creditCode}}），住所：{{address}}，法定代表人：{{legalRepresentative}}，业务范围：{{businessScope}}。现有会员{{memberCount}}个，专职工作人员{{fullTimeStaff}}人，资产{{assets}}万元，办公用房{{officeSpace}}平方米，年度财政拨款{{fiscalAppropriation}}万元；党组织情况：{{partyOrganisation}}；现职公务员兼职{{servingOfficials}}人，退（离）休领导干部兼职{{retiredOfficials}}人。"),
        ('H', "二、脱钩依据和目标"),
        ('B', "依据《行业协会商会与行政机关脱钩总体方案》和《罗庄区全省行业协会商会与行政机关脱钩改革试点实施方案》（罗委〔2018〕84号），按照“五分离、五规范”要求，取消{{supervisoryUnit}}与{{associationName}}的主办、主管、联系和挂靠关系，实现机构、职能、资产财务、人员管理、党建和外事等事项分离。"),
        ('H', "三、脱钩措施"),
        ('B', "（一）机构分离。取消主办、主管、联系和挂靠关系，依法直接登记和独立运行；修改章程，删除业务主管单位有关内容。"),
        ('B', "（二）职能分离。剥离行政职能，厘清行政机关与协会商会的职能边界；转移的职能和购买的服务逐项列明。"),
        ('B', "（三）资产财务分离。独立设立账户、独立核算；清查资产、明确产权；逐步取消财政直接拨款；办公用房腾退或按规定租用。"),
        ('B', "（四）人员管理分离。现职公务员退出兼职，退（离）休干部兼职按规定审批；依法签订劳动合同、参加社会保险；核销事业编制。"),
        ('B', "（五）党建、外事等事项分离。党组织关系按规定移交；外事管理按规定交接。"),
        ('H', "四、实施步骤和时间安排"),
        ('B', "（一）制定方案：业务主管单位会同本会制定方案并报脱钩试点领导小组办公室审核。（二）职能部门审核：各职能部门对清单事项逐项审核并出具审核文件。（三）完成脱钩任务：落实方案，办理变更、核准、备案和换证。（四）工作总结：业务主管单位总结报送。"),
        ('H', "五、保障措施"),
        ('B', "加强组织领导，明确责任分工，严明工作纪律，做好风险预案；遇有重要情况和问题，及时向脱钩试点领导小组报告。"),
        ('H', "六、附件：脱钩事项清单"),
        ('B', "{{items}}"),
        ('R', "{{supervisoryUnit}}（盖章）　　{{associationName}}（盖章）"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Review() =>
    [
        ('T', "{{departmentName}}审核意见书"),
        ('C', "{{documentNumber}}"),
        ('B', "{{associationName}}、{{supervisoryUnit}}："),
        ('B', "你们报送的《{{associationName}}脱钩实施方案》（统一社会信用代码：{{creditCode}}）中下列事项收悉。经审核，意见如下："),
        ('B', "{{opinion}}"),
        ('B', "{{items}}"),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Summary() =>
    [
        ('T', "{{unitName}}行业协会商会脱钩工作总结"),
        ('H', "一、基本情况"),
        ('B', "本单位主管的行业协会商会共{{associationCount}}个，已完成脱钩{{decoupledCount}}个，注销{{deregisteredCount}}个，撤销或暂缓{{otherCount}}个，办理审核文件{{documentCount}}件。"),
        ('H', "二、主要做法和成效"),
        ('B', "按照“五分离、五规范”要求，逐个制定脱钩方案，逐项落实脱钩事项清单，实行前台综合受理、后台分类审批、统一窗口出件和全程代办，办事群众零上门。"),
        ('H', "三、存在问题和下一步打算"),
        ('B', "（由业务主管单位填写）"),
        ('H', "附：所属协会商会脱钩情况"),
        ('B', "{{associations}}"),
        ('R', "{{unitName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Evaluation() =>
    [
        ('T', "罗庄区行业协会商会脱钩改革试点成效评估报告"),
        ('H', "一、评估范围"),
        ('B', "全区纳入脱钩范围的行业协会商会共{{associationCount}}个，其中已脱钩{{decoupledCount}}个，注销{{deregisteredCount}}个，其他{{otherCount}}个。全区综合得分{{districtScore}}分。"),
        ('H', "二、评估指标和权重"),
        ('B', "{{indicators}}"),
        ('H', "三、各业务主管单位评估结果"),
        ('B', "{{units}}"),
        ('H', "四、各协会商会脱钩结果"),
        ('B', "{{associations}}"),
        ('H', "五、评估意见"),
        ('B', "{{findings}}"),
        ('R', "评估方：{{evaluator}}"),
        ('R', "{{date}}"),
    ];
}
