using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Signed-in API clients per demo user and node, made on first use. Callers spread their requests over the nodes
/// round-robin, as a load balancer without affinity would.
/// </summary>
public sealed class ClusterClients(IReadOnlyList<HostNode> nodes) : IDisposable
{
    public const string Password = "Luozhuang#2026";

    private readonly ConcurrentDictionary<(int Node, string User), Lazy<Task<HttpClient>>> clients = new();
    private int next;

    public int NextNode() => (int)((uint)Interlocked.Increment(ref next) % (uint)nodes.Count);

    public Task<HttpClient> AsAsync(string user, int node) =>
        clients.GetOrAdd((node, user), key => new Lazy<Task<HttpClient>>(() => SignInAsync(key.Node, key.User))).Value;

    /// <summary>Forgets a node's sessions (after a restart the node is the same, but a client may hold a broken connection).</summary>
    public void Forget(int node)
    {
        foreach (var key in clients.Keys.Where(k => k.Node == node).ToList())
        {
            if (clients.TryRemove(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }
    }

    private async Task<HttpClient> SignInAsync(int node, string user)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = new Uri(nodes[node].Url), Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password, code = Decoupling.TestSupport.DemoAdmins.CodeFor(user) });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            client.Dispose();
            throw new InvalidOperationException($"{user} could not sign in on node {node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public void Dispose()
    {
        foreach (var lazy in clients.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }

        clients.Clear();
    }
}
