using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The platform as a real process on a free loopback port with its own data folder, started from the built host
/// assembly (the same thing `dotnet run --project host` runs), stopped and cleaned up at the end.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataFolder;

    private HostProcess(Process process, string dataFolder, string url)
    {
        this.process = process;
        this.dataFolder = dataFolder;
        Url = url;
    }

    public string Url { get; }

    public static async Task<HostProcess> StartAsync(IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var data = Directory.CreateTempSubdirectory("platform-browser").FullName;
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Decoupling.Host.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Urls"] = url;
        start.Environment["DataFolder"] = data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 720; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("the host exited at start:\n" + output);
            }

            try
            {
                if ((await http.GetAsync(url + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, data, url);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the host did not answer /healthz within 180 s (a loaded machine starts slowly):\n" + output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool disposed;

    /// <summary>Stops the host; a test that stops it early leaves the fixture's own dispose with nothing to do.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
