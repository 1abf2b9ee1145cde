using Decoupling.Host.Cli;

// The same executable serves the platform and runs the command-line tools (simulate); the first argument decides.
if (args.Length > 0 && args[0] == "simulate")
{
    return await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:5080");

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so WebApplicationFactory can reach it from the tests.</summary>
public partial class Program;
