namespace Decoupling.Host.Components.Shared;

/// <summary>What a page shows a checklist for: filling it in, verifying it, sealing it, or reading it.</summary>
public enum ChecklistMode
{
    ReadOnly,
    Edit,
    Verify,

    /// <summary>Read, with the unit's 盖章确认.</summary>
    Seal,
}
