namespace Decoupling.Engine.Access;

/// <summary>The ways a task changes hands; each target must be someone the task may go to.</summary>
public enum HandOver
{
    Transfer,
    Delegate,
    AddSigner,
    Copy,
}
