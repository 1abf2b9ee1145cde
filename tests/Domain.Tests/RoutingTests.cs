using Decoupling.Domain.Checklists;
using Decoupling.Domain.Common;
using Decoupling.Domain.Routing;
using Decoupling.Domain.Tests.Support;

namespace Decoupling.Domain.Tests;

public class RoutingTests
{
    [Theory]
    [InlineData(SeparationCategory.Organisation, "ORG-01", "取消主办、主管关系", "jxj")]
    [InlineData(SeparationCategory.Organisation, "ORG-04", "代管事业单位的撤并", "jxj,bb")]
    [InlineData(SeparationCategory.Organisation, null, "所属事业单位划转", "jxj,bb")]
    [InlineData(SeparationCategory.Functions, "FUN-01", "剥离行政职能", "jxj")]
    [InlineData(SeparationCategory.AssetsFinance, "AST-02", "资产清查", "czj,jgswj")]
    [InlineData(SeparationCategory.Personnel, "PER-01", "现职公务员退出兼职", "jxj,zzb")]
    [InlineData(SeparationCategory.Personnel, "PER-03", "签订劳动合同、参加社会保险", "jxj,rsj")]
    [InlineData(SeparationCategory.Personnel, "PER-04", "核销编制", "jxj,bb")]
    [InlineData(SeparationCategory.PartyForeignAffairs, "PTY-01", "党组织关系移交", "zzb")]
    [InlineData(SeparationCategory.PartyForeignAffairs, "PTY-02", "外事工作管理职能移交", "wsb")]
    public async Task Items_go_to_the_departments_of_the_seeded_table(SeparationCategory category, string? code, string text, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();

        var departments = await new RoutingService(db).ReviewingDepartmentsAsync(category, code, text, "jxj");

        Assert.Equal(expected.Split(','), departments);
    }

    [Fact]
    public async Task The_table_is_data_an_edit_changes_the_answer()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var service = new RoutingService(db);

        await service.ReplaceTableAsync([new RoutingRule { Category = SeparationCategory.Functions, DepartmentCodes = [RoutingRule.SupervisoryUnitToken, "fgj"] }]);

        Assert.Equal(["swj", "fgj"], await service.ReviewingDepartmentsAsync(SeparationCategory.Functions, null, "任何", "swj"));
        Assert.Empty(await service.ReviewingDepartmentsAsync(SeparationCategory.AssetsFinance, null, "资产", "swj"));
    }

    [Fact]
    public async Task A_rule_naming_an_unknown_department_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => new RoutingService(db).ReplaceTableAsync(
            [new RoutingRule { Category = SeparationCategory.Functions, DepartmentCodes = ["nosuch"] }]));

        Assert.Equal(DomainErrorCodes.RoutingDepartmentUnknown, Assert.Single(error.Errors).Code);
    }
}
