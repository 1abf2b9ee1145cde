namespace Decoupling.Cluster.Tests;

/// <summary>An association of the register that a cluster test takes through the procedure.</summary>
public sealed record ClusterAssociation(Guid Id, string Name, string SupervisoryUnitCode);
