using System.Text.Json.Nodes;
using Decoupling.Activities;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Decoupling.Engine.Services;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Workflows.Tests.Activities;

/// <summary>A migrated, seeded PostgreSQL database with the activities registered as the host would.</summary>
public sealed class PostgresActivityFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public ServiceProvider Services { get; private set; } = null!;

    public string Files { get; } = Directory.CreateTempSubdirectory("activity-files").FullName;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("activities");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<PlatformDbContext, PostgresPlatformDbContext>(o => PlatformDatabase.UsePostgres(o, ConnectionString));
        services.AddSingleton<IFileStore>(new LocalFileStore(Files));
        services.AddSingleton(new DocumentOptions());
        services.AddDecouplingActivities(o => o.SeedFolder = RepositoryFiles.Seed);
        Services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.MigrateAsync();
        await new Seeder(db, RepositoryFiles.Seed).SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
        Directory.Delete(Files, recursive: true);
    }

    public T Handler<T>() where T : class => Services.GetRequiredService<T>();

    public static ServiceTaskContext Context(string topic, JsonObject inputs, Guid? execution = null, string element = "task") => new()
    {
        InstanceId = Guid.Empty,
        RootInstanceId = Guid.Empty,
        ExecutionId = execution ?? Guid.NewGuid(),
        DefinitionKey = "test",
        ElementId = element,
        Topic = topic,
        Inputs = inputs,
        Variables = [],
        Now = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)),
    };
}
