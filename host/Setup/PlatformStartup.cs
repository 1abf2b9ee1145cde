using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Decoupling.Engine;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Decoupling.Host.Endpoints.Definitions;

namespace Decoupling.Host.Setup;

/// <summary>
/// First things at start: bring both schemas up to date, seed on first start (idempotent), deploy the procedure's flows
/// (identical XML is a no-op, a changed file a new version), and tell the person at the console where to go.
/// </summary>
public static class PlatformStartup
{
    public static async Task InitializePlatformAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<PlatformSettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        Directory.CreateDirectory(settings.DataFolder);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var db = services.GetRequiredService<PlatformDbContext>();
        await db.Database.MigrateAsync();
        await using (var engineContext = services.GetRequiredService<EfEngineStore>().CreateContext())
        {
            await EngineDatabase.MigrateAsync(engineContext);
        }

        var seedFolder = settings.SeedFolder;
        IReadOnlyList<string> createdUsers = [];
        if (seedFolder is not null)
        {
            var seeder = new Seeder(db, seedFolder);
            await seeder.SeedAsync();
            createdUsers = await seeder.SeedUsersAsync(services.GetRequiredService<UserManager<PlatformUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>());
        }
        else
        {
            log.LogWarning("seed/ folder not found; starting without seed data");
        }

        // every department has its SM2 seal key from the start; an association's is made at its first seal
        await services.GetRequiredService<Decoupling.Domain.Seals.UnitKeyService>().EnsureDepartmentKeysAsync();
        if (!MasterKeySource.IsConfigured(app.Configuration))
        {
            log.LogWarning("Security:MasterKey is not configured: the master key (it encrypts the unit seal keys and the data-protection keys) " +
                "was generated into {File}, beside the data it protects. Set Security__MasterKey from a secret store in production.", MasterKeySource.FileOf(settings));
        }

        await DeployWorkflowsAsync(app, services.GetRequiredService<WorkflowEngine>(), log);

        if (createdUsers.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"罗庄区行业协会商会脱钩审批监管平台：{string.Join(", ", app.Urls.DefaultIfEmpty(app.Configuration["Urls"] ?? "http://127.0.0.1:5080"))}");
            Console.WriteLine($"演示账号（密码均为 {SeedFiles.DemoPassword}）：{string.Join("、", createdUsers)}");
            Console.WriteLine();
        }
    }

    private static async Task DeployWorkflowsAsync(WebApplication app, WorkflowEngine engine, ILogger log)
    {
        var folder = app.Configuration["WorkflowsFolder"] ?? LocateWorkflows(app.Environment.ContentRootPath) ?? LocateWorkflows(AppContext.BaseDirectory);
        if (folder is null)
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            try
            {
                foreach (var result in await engine.DeployAsync(await File.ReadAllTextAsync(file), Path.GetFileName(file), PublisherNames.Startup))
                {
                    if (result.Created)
                    {
                        log.LogInformation("Deployed {Key} version {Version}", result.Key, result.Version);
                    }
                }
            }
            catch (BpmnValidationException invalid)
            {
                // a broken file must not stop the platform: the previous version keeps running, the error is reported
                log.LogError("{File} was not deployed: {Errors}", file, invalid.Message);
            }
        }
    }

    private static string? LocateWorkflows(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.bpmn").Length > 0)
            {
                return candidate;
            }
        }

        return null;
    }
}
