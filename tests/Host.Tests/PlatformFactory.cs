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
    private string? connectionString;

    public bool Postgres => postgres;

    public string DataFolder => dataFolder;

    /// <summary>The PostgreSQL database of this platform (null on SQLite); made when the host is first built.</summary>
    public string? ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataFolder", dataFolder);
        builder.UseSetting("Jobs:Server", "false");
        if (postgres)
        {
            connectionString ??= PostgresServer.CreateDatabaseAsync("host").GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
        }
    }

    /// <summary>A client signed in as <paramref name="userName"/> (demo password) through POST /api/auth/login.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Luozhuang#2026", code = Decoupling.TestSupport.DemoAdmins.CodeFor(userName) });
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
