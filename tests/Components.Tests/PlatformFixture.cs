using Decoupling.Application;
using Decoupling.Application.Access;
using Decoupling.Domain;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Decoupling.Engine;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Host.Components.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Components.Tests;

/// <summary>
/// What a page component needs behind it: the seeded register and demo accounts in a SQLite file, the application layer,
/// and an in-memory engine asking the platform's access policy, with someone signed in.
/// </summary>
public sealed class PlatformFixture : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"components-{Guid.NewGuid():N}.db");

    private PlatformFixture(BunitContext context, WorkflowEngine engine)
    {
        Context = context;
        Engine = engine;
    }

    public BunitContext Context { get; }

    public WorkflowEngine Engine { get; }

    public static async Task<PlatformFixture> CreateAsync(string signedIn)
    {
        var engine = new WorkflowEngine(new InMemoryEngineStore(), new HandlerDispatcher([]),
            extensions: new EngineExtensions { AccessPolicy = new PlatformAccessPolicy() });
        var fixture = new PlatformFixture(ComponentContext.Create(SystemClock.Instance), engine);
        var services = fixture.Context.Services;
        var connection = $"Data Source={fixture.path};Pooling=False";
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDomain(usePostgres: false, connection, Path.Combine(Path.GetTempPath(), "components-files"));
        services.AddIdentityCore<PlatformUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PlatformDbContext>();
        services.AddApplication();
        services.AddSingleton(engine);
        services.AddScoped<UiSession>();
        services.AddScoped<Downloads>();
        services.AddScoped<NoticeCounter>();
        services.AddScoped<NoticeOpener>();
        fixture.Context.AddAuthorization().SetAuthorized(signedIn);

        await using (var db = PlatformDatabase.CreateSqlite(connection))
        {
            await db.Database.MigrateAsync();
        }

        using var scope = fixture.Context.Services.CreateScope();
        var seeder = new Seeder(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), SeedFiles.Locate(AppContext.BaseDirectory)!);
        await seeder.SeedAsync();
        await seeder.SeedUsersAsync(scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        return fixture;
    }

    public async Task<Guid> AssociationIdAsync(string name)
    {
        using var scope = Context.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Associations.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
