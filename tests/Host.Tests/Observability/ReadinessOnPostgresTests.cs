using System.Net;
using Decoupling.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Decoupling.Host.Tests.Observability;

/// <summary>Readiness follows the database: a stopped PostgreSQL makes /healthz/ready fail (liveness stays), a restarted one makes it pass again.</summary>
public sealed class ReadinessOnPostgresTests
{
    [Fact]
    public async Task Ready_fails_while_the_database_is_stopped()
    {
        await using var server = await DedicatedPostgres.StartAsync();
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "platform" }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CREATE DATABASE platform", admin).ExecuteNonQueryAsync();
        }

        var folder = Directory.CreateTempSubdirectory("ready-test").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("DataFolder", folder);
            b.UseSetting("Jobs:Server", "false");
            b.UseSetting("Database:Provider", "Postgres");
            b.UseSetting("ConnectionStrings:Default", connection);
        });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        await server.StopAsync();
        NpgsqlConnection.ClearAllPools();
        var down = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("数据库不可用", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);

        await server.StartAgainAsync();
        NpgsqlConnection.ClearAllPools();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/healthz/ready")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Task.Delay(500).ContinueWith(_ => true));
        Assert.Equal(HttpStatusCode.OK, status);
        NpgsqlConnection.ClearAllPools();
    }
}
