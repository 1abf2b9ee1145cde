namespace Decoupling.Domain.Register;

/// <summary>How decoupling ended (or not yet) for one association; the last four need a reason.</summary>
public enum DecouplingOutcome
{
    None,
    InProgress,
    Decoupled,
    Deregistered,
    Revoked,
    SetAside,
}
