using Decoupling.Domain.Persistence;
using Decoupling.Engine.Persistence;
using Decoupling.TestSupport;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// A fresh PostgreSQL database and several host processes on it. The first node migrates and seeds alone (as a rolling
/// deployment's first node would); the others start together once it answers. The test process reads the same database
/// directly to check what the nodes wrote.
/// </summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string dataFolder;

    private ClusterHarness(string connectionString, string dataFolder, IReadOnlyList<HostNode> nodes)
    {
        ConnectionString = connectionString;
        this.dataFolder = dataFolder;
        Nodes = nodes;
        Clients = new ClusterClients(nodes);
    }

    public string ConnectionString { get; }

    public IReadOnlyList<HostNode> Nodes { get; }

    public ClusterClients Clients { get; }

    public static async Task<ClusterHarness> StartAsync(int nodeCount, string name, Action<HostNode>? configure = null)
    {
        var connection = await PostgresServer.CreateDatabaseAsync(name);
        var data = Directory.CreateTempSubdirectory("cluster-data").FullName;
        var nodes = Enumerable.Range(0, nodeCount).Select(i => new HostNode(i, connection, data)).ToList();
        nodes.ForEach(n => configure?.Invoke(n));
        var harness = new ClusterHarness(connection, data, nodes);
        try
        {
            await nodes[0].StartAsync(StartTimeout);
            await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync(StartTimeout)));
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }

        return harness;
    }

    /// <summary>Kills a node with kill -9 and starts it again on the same port and database.</summary>
    public async Task CrashAndRestartAsync(int index)
    {
        Nodes[index].Kill();
        await Nodes[index].StartAsync(StartTimeout);
    }

    /// <summary>The tail of every node's output, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join("\n", Nodes.Select(n => $"--- node {n.Index} ---\n{(n.Output.Length > 4000 ? n.Output[^4000..] : n.Output)}"));

    public EngineDbContext EngineDb() => EfEngineStore.ForPostgres(ConnectionString).CreateContext();

    public PlatformDbContext PlatformDb() => PlatformDatabase.CreatePostgres(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(ConnectionString);
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
