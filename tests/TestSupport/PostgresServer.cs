using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Decoupling.TestSupport;

/// <summary>
/// A PostgreSQL server for tests. With TEST_PG_CONNECTION set (CI's <c>.ci/run</c> does), that server is used; otherwise one
/// throw-away server per test process is started from /usr/lib/postgresql/15/bin (initdb with trust auth into a temp folder,
/// loopback on a free port, its socket in the same folder; as the <c>postgres</c> user when the tests run as root) and
/// stopped when the process exits. Tests isolate by database: <see cref="CreateDatabaseAsync"/>.
/// Without either, the server cannot be had and the tests fail with a message saying so: they never skip.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "TEST_PG_CONNECTION";
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<string> Server = new(StartOrUseConfigured, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of the server's maintenance database (where databases are created).</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>Creates an empty database named after the prefix plus a unique suffix and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var clean = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var name = $"{clean[..Math.Min(clean.Length, 30)]}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string StartOrUseConfigured()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"These tests need PostgreSQL: set {ConnectionVariable} to an Npgsql connection string of a server where they may " +
                $"create databases, or install PostgreSQL 15 (apt-get install postgresql-15) so they can start one from {BinDirectory}.");
        }

        return ThrowAwayServer.Start();
    }

    private sealed class ThrowAwayServer
    {
        private readonly string _folder;
        private readonly bool _asPostgresUser = Environment.IsPrivilegedProcess;

        private ThrowAwayServer(string folder)
        {
            _folder = folder;
        }

        private string DataDirectory => Path.Combine(_folder, "data");

        private string LogFile => Path.Combine(_folder, "log");

        public static string Start()
        {
            var server = new ThrowAwayServer(Directory.CreateTempSubdirectory("test-pg-").FullName);
            try
            {
                if (server._asPostgresUser)
                {
                    Run("chown", ["postgres:postgres", server._folder], asPostgres: false);
                }

                server.Pg("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
                for (var attempt = 1; ; attempt++)
                {
                    var port = FreePort();
                    try
                    {
                        server.Pg(
                            "pg_ctl", "-D", server.DataDirectory, "-l", server.LogFile, "-w", "-t", "60",
                            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {server._folder} -c fsync=off -c max_connections=200",
                            "start");
                    }
                    catch (InvalidOperationException) when (attempt < 3)
                    {
                        continue; // the port was taken between choosing it and binding it
                    }

                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                    return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
                }
            }
            catch (Exception exception)
            {
                var log = File.Exists(server.LogFile) ? File.ReadAllText(server.LogFile) : "(no server log)";
                server.Stop();
                throw new InvalidOperationException(
                    $"Could not start a throw-away PostgreSQL from {BinDirectory} in {server._folder}: {exception.Message}\n{log}",
                    exception);
            }
        }

        /// <summary>
        /// Stops the server and deletes its folder from a separate shell, which finishes even if the test host is killed
        /// right after its exit handlers start (the test runner does not wait long for it).
        /// </summary>
        private void Stop()
        {
            try
            {
                var stop = $"{Path.Combine(BinDirectory, "pg_ctl")} -D '{DataDirectory}' -m immediate -w stop >/dev/null 2>&1";
                if (_asPostgresUser)
                {
                    stop = "runuser -u postgres -- " + stop;
                }

                var cleanup = new ProcessStartInfo("sh") { UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
                cleanup.ArgumentList.Add("-c");
                cleanup.ArgumentList.Add($"if [ -f '{DataDirectory}/postmaster.pid' ]; then {stop}; fi; rm -rf '{_folder}'");
                using var process = Process.Start(cleanup);
                process?.WaitForExit(TimeSpan.FromSeconds(20));
            }
            catch (Exception)
            {
                // best effort at process exit
            }
        }

        private void Pg(string program, params string[] arguments) =>
            Run(Path.Combine(BinDirectory, program), arguments, _asPostgresUser);

        private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
        {
            var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            };
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
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
            process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{program} did not finish in 120 s: {output}");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
