using Decoupling.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Decoupling.Host.Tests;

/// <summary>
/// The whole platform in memory (WebApplicationFactory) over a throw-away SQLite folder or a fresh PostgreSQL database,
/// migrated and seeded by the host's own start-up.
/// </summary>
public sealed class PlatformFactory(bool postgres) : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("platform-test").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataFolder", dataFolder);
        builder.UseSetting("Jobs:Server", "false");
        if (postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", PostgresServer.CreateDatabaseAsync("host").GetAwaiter().GetResult());
        }
    }

    /// <summary>A client signed in as <paramref name="userName"/> (demo password) through POST /api/auth/login.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Luozhuang#2026" });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
