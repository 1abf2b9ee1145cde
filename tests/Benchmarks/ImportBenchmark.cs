using System.Diagnostics;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Seeding;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Benchmarks;

/// <summary>The register import of issue 3 (goal: 10k rows in under 5 s), on a seeded SQLite file and a seeded PostgreSQL database.</summary>
internal static class ImportBenchmark
{
    public static async Task RunAsync(int rows)
    {
        var generator = new CreditCodeGenerator(77);
        var unique = new HashSet<string>(StringComparer.Ordinal);
        while (unique.Count < rows)
        {
            unique.Add(generator.Next());
        }

        var codes = unique.ToList();
        var units = new[] { "区经济和信息化局", "区商务局", "区住房和城乡建设局", "区农业局" };
        var sheet = Enumerable.Range(0, rows).Select(i => new Dictionary<string, object?>
        {
            [RegisterColumns.CreditCode] = codes[i],
            [RegisterColumns.Name] = $"临沂市罗庄区基准{i:00000}行业协会",
            [RegisterColumns.SupervisoryUnit] = units[i % units.Length],
            [RegisterColumns.Status] = "已在民政部门登记",
            [RegisterColumns.MemberCount] = 20 + i % 300,
        }).ToList();
        var file = new MemoryStream();
        file.SaveAs(sheet, excelType: ExcelType.XLSX);
        var seed = SeedFiles.Locate(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("seed/");

        var sqlitePath = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.db");
        await using (var db = PlatformDatabase.CreateSqlite($"Data Source={sqlitePath}"))
        {
            await MeasureAsync("SQLite", db, file, seed, rows);
        }

        var connection = await PostgresServer.CreateDatabaseAsync("import");
        await using (var db = PlatformDatabase.CreatePostgres(connection))
        {
            await MeasureAsync("PostgreSQL", db, file, seed, rows);
        }

        await PostgresServer.DropDatabaseAsync(connection);
        File.Delete(sqlitePath);
    }

    private static async Task MeasureAsync(string provider, PlatformDbContext db, MemoryStream file, string seed, int rows)
    {
        await db.Database.MigrateAsync();
        await new Seeder(db, seed).SeedAsync();
        file.Position = 0;
        var watch = Stopwatch.StartNew();
        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(file, dryRun: false);
        Console.WriteLine($"{provider}: imported {report.Imported:N0} of {rows:N0} rows in {watch.Elapsed.TotalSeconds:F2} s ({(report.IsValid ? "no issues" : report.Issues.Count + " issues: " + report.Issues[0].Message)}); goal < 5 s");
    }
}
