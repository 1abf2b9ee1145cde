namespace Decoupling.Application.Checklists;

/// <summary>The part someone plays for one association's checklist.</summary>
public enum ChecklistRole
{
    /// <summary>May read it (the district's supervisors, auditors, the window, evaluators).</summary>
    Reader,

    /// <summary>The association's own staff: fill in and self-check.</summary>
    Association,

    /// <summary>Staff of its supervisory unit: write the specific plan, verify or return, confirm.</summary>
    SupervisoryUnit,
}
