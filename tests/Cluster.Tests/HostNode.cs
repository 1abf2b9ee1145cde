using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// One platform node: the built host assembly (what `dotnet run --project host` runs) as a child process on a loopback
/// port, in PostgreSQL mode. It keeps its port across a kill and restart so clients that know the node keep working.
/// </summary>
public sealed class HostNode : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly string dataFolder;
    private readonly StringBuilder output = new();
    private Process? process;

    public HostNode(int index, string connectionString, string dataFolder)
    {
        Index = index;
        this.connectionString = connectionString;
        this.dataFolder = dataFolder;
        Url = $"http://127.0.0.1:{FreePort()}";
    }

    public int Index { get; }

    public string Url { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Settings for this node's next start, on top of the cluster's (e.g. Outbox__Dispatch=false).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Decoupling.Host.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Urls"] = Url;
        // one data folder for all nodes, as a shared volume would be in production: uploaded evidence written through one
        // node is read through another, and the data-protection keys (sign-in cookies) are the same everywhere
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"node {Index} exited at start:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(Url + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        Kill();
        throw new TimeoutException($"node {Index} did not answer /healthz within {timeout.TotalSeconds:F0} s:\n{Output}");
    }

    /// <summary>kill -9 of the node and everything it started: no shutdown hooks, no flushing, as a power cut would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private void Append(string? line)
    {
        lock (output)
        {
            // the tail is what explains a failure; a long run must not grow without bound
            if (output.Length > 200_000)
            {
                output.Remove(0, 100_000);
            }

            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
