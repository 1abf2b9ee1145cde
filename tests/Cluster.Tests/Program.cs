using System.Globalization;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// The console entry of the cluster load harness (the tests run through xunit as usual):
///   dotnet run -c Release --project tests/Cluster.Tests -- throughput [tasks] [clients]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() != "throughput")
        {
            Console.Error.WriteLine("usage: throughput [tasks=2000] [clients=24]");
            return 2;
        }

        var tasks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 24;
        await ClusterThroughput.RunAsync(tasks, clients);
        return 0;
    }
}
