namespace Decoupling.Engine.Entities;

public enum HumanTaskState
{
    Open,

    /// <summary>A signer added after (后加签) who cannot act until the assignee has completed the parent task.</summary>
    Pending,

    /// <summary>Completed by its assignee but waiting for signers added after (后加签) before the token moves.</summary>
    WaitingForSigners,
    Completed,
    Cancelled,
}
