using System.Globalization;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Sizes of the cluster runs, from the environment so CI keeps the default (a few minutes on 2 cores) and a load run
/// sets CLUSTER_ASSOCIATIONS=200.
/// </summary>
public static class ClusterSettings
{
    public static int Associations => Read("CLUSTER_ASSOCIATIONS", 30);

    public static int ConcurrentCases => Read("CLUSTER_CLIENTS", 12);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
