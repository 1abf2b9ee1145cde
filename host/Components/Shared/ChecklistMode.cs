namespace Decoupling.Host.Components.Shared;

/// <summary>Who is looking at a checklist: the association fills it in, its supervisory unit verifies it, others read.</summary>
public enum ChecklistMode
{
    ReadOnly,
    Edit,
    Verify,
}
