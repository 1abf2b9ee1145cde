namespace Decoupling.Engine.Entities;

/// <summary>加签 position: before (the assignee waits until the added signers finish) or after (they sign after the assignee).</summary>
public enum SignerPosition
{
    None,
    Before,
    After,
}
