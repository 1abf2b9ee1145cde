using Decoupling.Domain.Excel;
using Decoupling.Domain.Register;
using Decoupling.Domain.Seeding;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public class RegisterImportTests
{
    private static readonly CreditCodeGenerator Codes = new(99);

    [Fact]
    public async Task A_good_file_imports_every_row()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        using var file = Workbooks.Write([Row("临沂市罗庄区石材行业协会"), Row("临沂市罗庄区五金商会", unit: "区工商局")]);

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: false);

        Assert.True(report.IsValid, string.Join("\n", report.Issues.Select(i => i.Describe())));
        Assert.Equal(2, report.Imported);
        Assert.Equal(32, await db.Associations.CountAsync());
        var imported = await db.Associations.SingleAsync(a => a.Name == "临沂市罗庄区五金商会");
        Assert.Equal("gsj", await db.Departments.Where(d => d.Id == imported.SupervisoryUnitId).Select(d => d.Code).SingleAsync());
        Assert.Equal(new DateOnly(2012, 3, 15), imported.FoundedOn);
        Assert.Equal(120.5m, imported.AssetsTenThousandYuan);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_row_and_column_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var existingCode = await db.Associations.Where(a => a.CreditCode != null).Select(a => a.CreditCode!).FirstAsync();
        var duplicate = Codes.Next();
        var rows = new List<Dictionary<string, object?>>
        {
            Row("临沂市罗庄区石材行业协会"),                                            // row 2: good
            Row("临沂市罗庄区五金商会", code: "51371311MJ1234567"),                   // row 3: length
            Row("临沂市罗庄区钢管商会", members: "很多"),                                // row 4: not an integer
            Row("中国罗庄区灯具商会", unit: "区宇航局"),                                  // row 5: forbidden word + unknown unit
            Row("临沂市罗庄区纸业商会", code: duplicate),                               // row 6: good
            Row("临沂市罗庄区纸品商会", code: duplicate),                               // row 7: duplicate in file
            Row("临沂市罗庄区玻璃商会", code: existingCode),                            // row 8: duplicate in register
            Row("临沂市罗庄区木业商会", founded: "去年"),                                // row 9: date
        };
        using var file = Workbooks.Write(rows);
        var before = await db.Associations.CountAsync();
        var auditBefore = await db.AuditEntries.CountAsync();

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: false);

        Assert.False(report.IsValid);
        Assert.Equal(0, report.Imported);
        Assert.Contains(report.Issues, i => i is { Row: 3, Column: RegisterColumns.CreditCode, Code: DomainErrorCodes.CreditCodeLength });
        Assert.Contains(report.Issues, i => i is { Row: 4, Column: RegisterColumns.MemberCount, Code: DomainErrorCodes.ValueNotInteger });
        Assert.Contains(report.Issues, i => i is { Row: 5, Column: RegisterColumns.Name, Code: DomainErrorCodes.AssociationNameForbiddenWord });
        Assert.Contains(report.Issues, i => i is { Row: 5, Column: RegisterColumns.SupervisoryUnit, Code: DomainErrorCodes.SupervisoryUnitUnknown });
        Assert.Contains(report.Issues, i => i is { Row: 7, Column: RegisterColumns.CreditCode, Code: DomainErrorCodes.CreditCodeDuplicateInFile });
        Assert.Contains(report.Issues, i => i is { Row: 8, Column: RegisterColumns.CreditCode, Code: DomainErrorCodes.CreditCodeDuplicateInRegister });
        Assert.Contains(report.Issues, i => i is { Row: 9, Column: RegisterColumns.FoundedOn, Code: DomainErrorCodes.ValueNotDate });
        Assert.DoesNotContain(report.Issues, i => i.Row is 2 or 6);
        Assert.Contains("第 4 行“会员数”列", report.Issues.Single(i => i.Row == 4).Describe());
        Assert.Equal(before, await db.Associations.CountAsync());
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_but_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        using var file = Workbooks.Write([Row("临沂市罗庄区石材行业协会")]);

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: true);

        Assert.True(report.IsValid);
        Assert.True(report.DryRun);
        Assert.Equal(1, report.RowsRead);
        Assert.Equal(0, report.Imported);
        Assert.Equal(30, await db.Associations.CountAsync());
    }

    [Fact]
    public async Task Wrong_headers_are_named_in_one_clear_issue()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        using var file = Workbooks.Write([new() { ["单位名字"] = "x", ["代码"] = "y" }]);

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: false);

        var issue = Assert.Single(report.Issues);
        Assert.Null(issue.Row);
        Assert.Equal(DomainErrorCodes.ExcelHeaderUnknown, issue.Code);
        Assert.Contains("单位名字", issue.Message);
    }

    [Fact]
    public async Task A_missing_required_column_is_named()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var row = Row("临沂市罗庄区石材行业协会");
        row.Remove(RegisterColumns.SupervisoryUnit);
        using var file = Workbooks.Write([row]);

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: false);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(DomainErrorCodes.ExcelHeaderMissing, issue.Code);
        Assert.Contains(RegisterColumns.SupervisoryUnit, issue.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5 })]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' })]
    [InlineData(new byte[0])]
    public async Task A_broken_file_gives_a_clear_issue_not_an_exception(byte[] content)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(content), dryRun: false);

        var issue = Assert.Single(report.Issues);
        Assert.Contains(issue.Code, new[] { DomainErrorCodes.ExcelFileUnreadable, DomainErrorCodes.ExcelFileEmpty });
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
    }

    [Fact]
    public async Task Export_neutralises_formulas_and_imports_back_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using (var db = database.Open())
        {
            var unit = await db.Departments.SingleAsync(d => d.Code == "jxj");
            await new RegisterService(db, TimeProvider.System).CreateAsync(new AssociationFields
            {
                Name = "临沂市罗庄区陶瓷机械商会", CreditCode = Codes.Next(), SupervisoryUnitId = unit.Id,
                Address = "=HYPERLINK(\"http://evil.example\",\"点击\")", LegalRepresentative = "+张三", BusinessScope = "-1+1",
                PartyOrganisation = "@SUM(A1)",
            });
        }

        using var output = new MemoryStream();
        await using (var db = database.Open())
        {
            await new RegisterExporter(db).ExportAsync(output);
        }

        var row = Workbooks.Read(output).Single(r => (string?)r[RegisterColumns.Name] == "临沂市罗庄区陶瓷机械商会");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"点击\")", row[RegisterColumns.Address]);
        Assert.Equal("'+张三", row[RegisterColumns.LegalRepresentative]);
        Assert.Equal("'-1+1", row[RegisterColumns.BusinessScope]);
        Assert.Equal("'@SUM(A1)", row[RegisterColumns.PartyOrganisation]);

        // the export is the import format: into an empty register it comes back with the original text
        await using var other = await TestDatabase.CreateAsync();
        await using var otherDb = other.Open();
        await new Seeder(otherDb, TestDatabase.SeedFolder).SeedAsync();
        otherDb.Associations.RemoveRange(otherDb.Associations);
        await otherDb.SaveChangesAsync();
        output.Position = 0;
        var report = await new RegisterImporter(otherDb, TimeProvider.System).ImportAsync(output, dryRun: false);
        Assert.True(report.IsValid, string.Join("\n", report.Issues.Select(i => i.Describe())));
        var back = await otherDb.Associations.SingleAsync(a => a.Name == "临沂市罗庄区陶瓷机械商会");
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"点击\")", back.Address);
        Assert.Equal("+张三", back.LegalRepresentative);
    }

    [Fact]
    public async Task Ten_thousand_rows_import_in_one_go()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var generator = new CreditCodeGenerator(10_000);
        var codes = new HashSet<string>(await db.Associations.Where(a => a.CreditCode != null).Select(a => a.CreditCode!).ToListAsync());
        var rows = new List<Dictionary<string, object?>>();
        while (rows.Count < 10_000)
        {
            var code = generator.Next();
            if (codes.Add(code))
            {
                rows.Add(Row($"临沂市罗庄区第{rows.Count + 1}商会", code: code));
            }
        }

        using var file = Workbooks.Write(rows);
        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: false);

        Assert.True(report.IsValid, string.Join("\n", report.Issues.Take(5).Select(i => i.Describe())));
        Assert.Equal(10_000, report.Imported);
        Assert.Equal(10_030, await db.Associations.CountAsync());
    }

    private static Dictionary<string, object?> Row(string name, string? code = null, string unit = "区经济和信息化局",
        object? members = null, string founded = "2012-03-15") => new()
    {
        [RegisterColumns.CreditCode] = code ?? Codes.Next(),
        [RegisterColumns.Name] = name,
        [RegisterColumns.Address] = "临沂市罗庄区罗庄街道罗六路1号",
        [RegisterColumns.LegalRepresentative] = "王建国",
        [RegisterColumns.SupervisoryUnit] = unit,
        [RegisterColumns.MemberCount] = members ?? 120,
        [RegisterColumns.Assets] = 120.5,
        [RegisterColumns.ServingOfficials] = 0,
        [RegisterColumns.FoundedOn] = founded,
        [RegisterColumns.Status] = "已在民政部门登记",
    };
}
