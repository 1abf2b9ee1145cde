namespace Decoupling.Engine.Entities;

public enum DelegationState
{
    None,

    /// <summary>委派: the delegate works the task; completing it hands it back to the owner.</summary>
    Pending,
    Resolved,
}
