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
            DocumentKinds.Refusal => Refusal(),
            DocumentKinds.RegistrationRefusal => RegistrationRefusal(),
            DocumentKinds.IntakeRefusal => IntakeRefusal(),
            DocumentKinds.SupplementNotice => SupplementNotice(),
            DocumentKinds.Revocation => Revocation(),
            DocumentKinds.Certificate => Certificate(),
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

    private const string Remedies = "如不服本决定，可以自收到本决定书之日起六十日内向罗庄区人民政府申请行政复议，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";

    private static (char, string)[] Plan() =>
    [
        ('T', "{{associationName}}脱钩实施方案"),
        ('C', "业务主管单位：{{supervisoryUnit}}　　制定日期：{{date}}"),
        ('H', "一、基本情况"),
        ('B', "{{associationName}}（统一社会信用代码：{{creditCode}}），住所：{{address}}，法定代表人：{{legalRepresentative}}，业务范围：{{businessScope}}。现有会员{{memberCount}}，专职工作人员{{fullTimeStaff}}，资产{{assets}}，办公用房{{officeSpace}}，年度财政拨款{{fiscalAppropriation}}；党组织情况：{{partyOrganisation}}；现职公务员兼职{{servingOfficials}}，退（离）休领导干部兼职{{retiredOfficials}}。与{{relationships}}。"),
        ('H', "二、指导思想"),
        ('B', "以习近平新时代中国特色社会主义思想为指导，全面贯彻《行业协会商会与行政机关脱钩总体方案》和《罗庄区全省行业协会商会与行政机关脱钩改革试点实施方案》（罗委〔2018〕84号），按照去行政化的原则，厘清行政机关与行业协会商会的职能边界，推动{{associationName}}成为依法设立、自主办会、服务为本、治理规范、行为自律的社会组织。"),
        ('H', "三、主要目标"),
        ('B', "{{goals}}"),
        ('H', "四、脱钩任务"),
        ('B', "按照“五分离、五规范”要求，{{associationName}}逐项落实以下脱钩事项（共{{itemCount}}项，其中不涉及{{notApplicableCount}}项）："),
        ('B', "{{tasks}}"),
        ('H', "五、实施步骤和时间安排"),
        ('B', "{{steps}}"),
        ('H', "六、组织领导"),
        ('B', "{{supervisoryUnit}}成立由主要负责同志任组长的脱钩工作小组，会同{{associationName}}落实本方案，明确责任单位和责任人；各事项由表列审核部门依职责审核并出具审核文件；区脱钩试点领导小组办公室（区发展和改革局、区民政局）统筹协调、督促检查。做好风险预案，遇有重要情况和问题，及时向区脱钩试点领导小组报告。"),
        ('H', "七、附件：脱钩事项清单"),
        ('B', "{{items}}"),
        ('R', "{{supervisoryUnit}}（盖章）　　{{associationName}}（盖章）"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Review() =>
    [
        ('T', "{{departmentName}}审核意见书"),
        ('C', "{{documentNumber}}"),
        ('B', "{{associationName}}、{{supervisoryUnit}}："),
        ('B', "你们报送的《{{associationName}}脱钩实施方案》（统一社会信用代码：{{creditCode}}）中下列事项的具体方案收悉。经审核，意见如下："),
        ('B', "{{opinion}}"),
        ('B', "{{items}}"),
        ('B', "审核人：{{reviewer}}"),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Refusal() =>
    [
        ('T', "{{departmentName}}不予同意审核意见书"),
        ('C', "{{documentNumber}}"),
        ('B', "{{associationName}}、{{supervisoryUnit}}："),
        ('B', "你们报送的《{{associationName}}脱钩实施方案》中下列事项的具体方案，经本单位依职责审核，不予同意。理由如下："),
        ('B', "{{opinion}}"),
        ('B', "{{items}}"),
        ('B', "本意见书同时报送区脱钩试点领导小组办公室，由其协调后决定重新审核或者终止本次脱钩。"),
        ('B', "审核人：{{reviewer}}"),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] RegistrationRefusal() =>
    [
        ('T', "不予许可决定书"),
        ('C', "{{documentNumber}}"),
        ('B', "{{applicant}}："),
        ('B', "你（单位）申请的{{subject}}，本机关已依法受理并进行了审查。经审查，决定不予许可。理由如下："),
        ('B', "{{opinion}}"),
        ('B', Remedies),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] IntakeRefusal() =>
    [
        ('T', "不予受理通知书"),
        ('C', "{{documentNumber}}"),
        ('B', "{{applicant}}："),
        ('B', "你（单位）提交的登记申请，经审查，决定不予受理。理由如下："),
        ('B', "{{opinion}}"),
        ('B', Remedies),
        ('B', "经办人：{{reviewer}}"),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] SupplementNotice() =>
    [
        ('T', "补正材料通知书"),
        ('B', "{{applicant}}："),
        ('B', "你（单位）提交的登记申请材料不齐全或者不符合法定形式。现一次性告知，请补正以下材料："),
        ('B', "{{opinion}}"),
        ('B', "请在网上提交补正材料（无需到窗口）。补正期间办理时限中止计算，材料补正齐全后，本机关予以受理。"),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Revocation() =>
    [
        ('T', "撤销登记决定书"),
        ('C', "{{documentNumber}}"),
        ('B', "{{associationName}}："),
        ('B', "经调查核实，根据《社会团体登记管理条例》的有关规定，本机关决定撤销你单位的登记（未经登记的，予以取缔）。理由如下："),
        ('B', "{{opinion}}"),
        ('B', Remedies),
        ('R', "{{departmentName}}"),
        ('R', "{{date}}"),
    ];

    private static (char, string)[] Certificate() =>
    [
        ('T', "社会团体法人登记证书（副本）"),
        ('C', "{{certificateNumber}}"),
        ('B', "名称：{{associationName}}"),
        ('B', "统一社会信用代码：{{creditCode}}"),
        ('B', "住所：{{address}}"),
        ('B', "法定代表人：{{legalRepresentative}}"),
        ('B', "业务范围：{{businessScope}}"),
        ('B', "业务主管单位：无（已依法直接登记）"),
        ('R', "登记管理机关：罗庄区民政局"),
        ('R', "发证日期：{{date}}"),
    ];

    private static (char, string)[] Summary() =>
    [
        ('T', "{{unitName}}行业协会商会脱钩工作总结"),
        ('H', "一、基本情况"),
        ('B', "本单位主管的行业协会商会共{{associationCount}}个（另有{{exemptCount}}个不纳入脱钩范围），已完成脱钩{{decoupledCount}}个，注销{{deregisteredCount}}个，撤销或暂缓{{otherCount}}个，各审核部门出具审核文件{{documentCount}}件。"),
        ('H', "二、主要做法和成效"),
        ('B', "按照“五分离、五规范”要求，逐个制定脱钩方案，逐项落实脱钩事项清单，实行前台综合受理、后台分类审批、统一窗口出件和全程代办。登记办件{{matterCount}}件，申请人到窗口{{visitCount}}人次，零上门办件{{zeroVisitCount}}件。审计抽查{{auditCount}}个，发现问题{{findingCount}}个，已整改{{rectifiedCount}}个。"),
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
