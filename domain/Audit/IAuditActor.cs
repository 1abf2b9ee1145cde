namespace Decoupling.Domain.Audit;

/// <summary>Who is acting now; the host implements it from the signed-in user (user name), jobs as "system".</summary>
public interface IAuditActor
{
    string Name { get; }
}
