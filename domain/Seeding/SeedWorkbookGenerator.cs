using Decoupling.Domain.Checklists;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Register;
using MiniExcelLibs;

namespace Decoupling.Domain.Seeding;

/// <summary>
/// Writes seed/register.xlsx and seed/checklist-template.xlsx from the data below, deterministically (fixed random
/// seed), so the committed workbooks can be regenerated and reviewed as code. Industries are Luozhuang's own (DOMAIN.md).
/// </summary>
public static class SeedWorkbookGenerator
{
    private static readonly (string Name, string Industry, string Unit)[] Associations =
    [
        ("临沂市罗庄区陶瓷行业协会", "陶瓷", "区经济和信息化局"),
        ("临沂市罗庄区铸造行业协会", "铸造", "区经济和信息化局"),
        ("临沂市罗庄区特钢行业协会", "特钢", "区经济和信息化局"),
        ("临沂市罗庄区耐火材料行业协会", "耐火材料", "区经济和信息化局"),
        ("临沂市罗庄区不锈钢行业协会", "不锈钢", "区经济和信息化局"),
        ("临沂市罗庄区纺织服装行业协会", "纺织", "区经济和信息化局"),
        ("临沂市罗庄区机械制造行业协会", "机械制造", "区经信局"),
        ("临沂市罗庄区新材料行业协会", "新材料", "区经信局"),
        ("临沂市罗庄区板材行业协会", "板材", "区经济和信息化局"),
        ("临沂市罗庄区医药行业协会", "医药", "区食品药品监督管理局"),
        ("临沂市罗庄区食品行业协会", "食品", "区食品药品监督管理局"),
        ("临沂市罗庄区药品零售行业协会", "医药", "区食药监局"),
        ("临沂市罗庄区花卉行业协会", "花卉", "区农业局"),
        ("临沂市罗庄区花木商会", "花卉", "区农业局"),
        ("临沂市罗庄区农业机械行业协会", "农业机械", "区农业局"),
        ("临沂市罗庄区物流行业协会", "物流", "区商务局"),
        ("临沂市罗庄区电子商务行业协会", "电子商务", "区商务局"),
        ("临沂市罗庄区餐饮行业协会", "餐饮", "区商务局"),
        ("临沂市罗庄区商贸流通行业协会", "商贸", "区商务局"),
        ("临沂市罗庄区汽车销售商会", "汽车销售", "区商务局"),
        ("临沂市罗庄区建筑行业协会", "建筑", "区住房和城乡建设局"),
        ("临沂市罗庄区房地产行业协会", "房地产", "区住房和城乡建设局"),
        ("临沂市罗庄区物业管理行业协会", "物业管理", "区住建局"),
        ("临沂市罗庄区建筑装饰行业协会", "建筑", "区住房和城乡建设局"),
        ("临沂市罗庄区民营企业商会", "民营企业", "区工商行政管理局"),
        ("临沂市罗庄区个体私营企业协会", "民营企业", "区工商行政管理局"),
        ("临沂市罗庄区浙江商会", "民营企业", "区工商局"),
        ("临沂市罗庄区福建商会", "民营企业", "区工商行政管理局"),
        ("临沂市罗庄区青年企业家商会", "民营企业", "区工商行政管理局"),
        ("临沂市罗庄区女企业家商会", "民营企业", "区工商行政管理局"),
    ];

    private static readonly string[] Towns = ["罗庄街道", "傅庄街道", "盛庄街道", "册山街道", "高都街道", "沂堂镇", "褚墩镇", "黄山镇"];
    private static readonly string[] Roads = ["罗六路", "湖北路", "双月湖路", "龙潭路", "罗西路", "盛庄路", "沂河路", "金锣大道"];
    private static readonly string[] Surnames = ["王", "张", "刘", "李", "陈", "杨", "赵", "孙", "徐", "高", "朱", "马"];
    private static readonly string[] GivenNames = ["建国", "志强", "秀英", "海涛", "立新", "春梅", "振华", "德胜", "丽娟", "明亮", "玉兰", "庆伟"];
    private static readonly string[] PartyOrganisations = ["独立党支部", "联合党支部", "功能型党小组", "无"];

    /// <summary>The template's typical items under the five separations (DOMAIN.md), with their routing codes.</summary>
    public static readonly IReadOnlyList<(string Code, SeparationCategory Category, string Title, string Measure)> TemplateItems =
    [
        ("ORG-01", SeparationCategory.Organisation, "取消行政机关与协会商会的主办、主管、联系和挂靠关系", "业务主管单位出具取消主管关系的文件，协会商会依法直接登记"),
        ("ORG-02", SeparationCategory.Organisation, "行政机关与协会商会合署办公、“两块牌子、一套人马”的情况分离", "分设机构、分开办公，人员、牌子、印章分离"),
        ("ORG-03", SeparationCategory.Organisation, "修订协会商会章程，删除业务主管单位相关条款", "召开会员（代表）大会修订章程，报登记管理机关核准"),
        ("ORG-04", SeparationCategory.Organisation, "协会商会代管事业单位的撤并、注销或划转", "报机构编制部门审核后撤并、注销或划转"),
        ("FUN-01", SeparationCategory.Functions, "剥离协会商会现有的行政职能", "列出现有行政职能清单，由业务主管单位收回或依法转移"),
        ("FUN-02", SeparationCategory.Functions, "梳理可转移职能和政府购买服务事项清单", "按程序通过政府购买服务等方式委托协会商会承担"),
        ("AST-01", SeparationCategory.AssetsFinance, "财务独立核算、单独建账", "开设独立银行账户，执行《民间非营利组织会计制度》"),
        ("AST-02", SeparationCategory.AssetsFinance, "资产清查和产权界定", "开展资产清查，界定国有资产与协会商会资产，报财政部门审核"),
        ("AST-03", SeparationCategory.AssetsFinance, "财政直接拨款逐步取消", "自脱钩之日起取消财政直接拨款，过渡期内按规定执行"),
        ("AST-04", SeparationCategory.AssetsFinance, "占用的行政办公用房腾退或租用", "限期腾退，确需使用的按规定办理租用手续"),
        ("PER-01", SeparationCategory.Personnel, "现职公务员退出协会商会兼职", "现职公务员一律不得在协会商会兼任职务，限期辞去"),
        ("PER-02", SeparationCategory.Personnel, "退休领导干部在协会商会兼职按规定审批", "按干部管理权限报组织部门审批"),
        ("PER-03", SeparationCategory.Personnel, "工作人员签订劳动合同、参加社会保险", "与工作人员依法签订劳动合同，办理社会保险登记"),
        ("PER-04", SeparationCategory.Personnel, "核销协会商会使用的行政、事业编制", "报机构编制部门核销编制"),
        ("PTY-01", SeparationCategory.PartyForeignAffairs, "党组织关系移交", "党组织关系移交区委组织部（两新党工委）"),
        ("PTY-02", SeparationCategory.PartyForeignAffairs, "外事工作管理职能移交", "外事管理工作移交区外事侨务办公室"),
    ];

    public static void WriteRegister(Stream output)
    {
        var random = new Random(2018_11_06);
        var codes = new CreditCodeGenerator(371311);
        var rows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < Associations.Length; i++)
        {
            var (name, industry, unit) = Associations[i];
            // a few outside civil affairs, as the source says the register covers them too
            var status = i switch
            {
                25 => RegistrationStatus.RegisteredElsewhere,
                26 or 28 => RegistrationStatus.Unregistered,
                _ => RegistrationStatus.RegisteredCivilAffairs,
            };
            var code = codes.Next();
            var members = random.Next(30, 480);
            var fiscal = random.Next(4) == 0 ? 0m : Math.Round((decimal)(random.NextDouble() * 30), 1);
            var outcome = i % 7 == 3 ? DecouplingOutcome.InProgress : DecouplingOutcome.None;
            rows.Add(new Dictionary<string, object?>
            {
                [RegisterColumns.CreditCode] = status == RegistrationStatus.Unregistered ? null : code,
                [RegisterColumns.Name] = name,
                [RegisterColumns.Address] = $"临沂市罗庄区{Towns[random.Next(Towns.Length)]}{Roads[random.Next(Roads.Length)]}{random.Next(1, 300)}号",
                [RegisterColumns.LegalRepresentative] = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                [RegisterColumns.BusinessScope] = $"{industry}行业调查研究、行业自律、技术交流、信息咨询、展览展示、会员培训与服务",
                [RegisterColumns.SupervisoryUnit] = unit,
                [RegisterColumns.MemberCount] = members,
                [RegisterColumns.FullTimeStaff] = random.Next(0, 9),
                [RegisterColumns.Assets] = Math.Round((decimal)(5 + (random.NextDouble() * 295)), 2),
                [RegisterColumns.OfficeSpace] = random.Next(3) == 0 ? 0m : random.Next(20, 400),
                [RegisterColumns.FiscalAppropriation] = fiscal,
                [RegisterColumns.PartyOrganisation] = PartyOrganisations[random.Next(PartyOrganisations.Length)],
                [RegisterColumns.ServingOfficials] = random.Next(4) == 0 ? random.Next(1, 3) : 0,
                [RegisterColumns.RetiredOfficials] = random.Next(0, 4),
                [RegisterColumns.Industry] = industry,
                [RegisterColumns.FoundedOn] = new DateOnly(1995 + random.Next(0, 23), random.Next(1, 13), random.Next(1, 29)).ToString("yyyy-MM-dd"),
                [RegisterColumns.Status] = RegisterLabels.Display(status),
                [RegisterColumns.Outcome] = RegisterLabels.Display(outcome),
                [RegisterColumns.OutcomeReason] = null,
                [RegisterColumns.CertificateNumber] = status == RegistrationStatus.RegisteredCivilAffairs ? $"罗民社证字第{i + 1:000}号" : null,
            });
        }

        output.SaveAs(rows.Select(r => r.ToDictionary(kv => kv.Key, kv => FormulaEscaper.EscapeCell(kv.Value))), excelType: ExcelType.XLSX);
    }

    public static void WriteChecklistTemplate(Stream output)
    {
        var items = TemplateItems.Select((t, i) => new ChecklistItem
        {
            Number = i + 1, ItemCode = t.Code, Category = t.Category, Title = t.Title, SeparationMeasure = t.Measure,
            Status = ChecklistItemStatus.Draft,
        });
        ChecklistSheet.WriteAsync(output, items, new Dictionary<string, string>()).GetAwaiter().GetResult();
    }
}
