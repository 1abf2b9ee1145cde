using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Decoupling.TestSupport;

/// <summary>
/// A PostgreSQL server of one test's own (initdb into a temp folder, loopback, trust auth), for tests that stop the
/// database under a running platform: the shared server of <see cref="PostgresServer"/> must stay up for the others.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("test-pg-own-").FullName;
    private readonly bool asPostgres = Environment.IsPrivilegedProcess;
    private readonly int port = FreePort();

    private DedicatedPostgres()
    {
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=5";

    private string Data => Path.Combine(folder, "data");

    public static async Task<DedicatedPostgres> StartAsync()
    {
        var server = new DedicatedPostgres();
        if (server.asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", server.folder], false);
        }

        await server.PgAsync("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartAgainAsync();
        return server;
    }

    public Task StartAgainAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off", "start");

    /// <summary>Stops the server at once, as a crash or a pulled cable would.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task PgAsync(string program, params string[] arguments) => RunAsync(Path.Combine(PostgresServer.BinDirectory, program), arguments, asPostgres);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
