namespace Decoupling.Engine.Runtime;

/// <summary>What someone may do with a task right now; the task page shows these buttons and no others.</summary>
public enum TaskOperation
{
    Complete,
    Claim,
    Unclaim,
    Return,
    Withdraw,
    Transfer,
    Delegate,
    AddSigners,
    Copy,
    Urge,
}
