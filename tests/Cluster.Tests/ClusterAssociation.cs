namespace Decoupling.Cluster.Tests;

/// <summary>
/// An association of the register that a cluster test takes through the procedure, and the account of its own staff
/// (only an association's staff work its tasks: 自查, 盖章, 上传佐证).
/// </summary>
public sealed record ClusterAssociation(Guid Id, string Name, string SupervisoryUnitCode, string StaffUser);
