namespace Decoupling.Engine.Entities;

public enum HumanTaskState
{
    Open,

    /// <summary>Completed by its assignee but waiting for signers added after (后加签) before the token moves.</summary>
    WaitingForSigners,
    Completed,
    Cancelled,
}
