using Decoupling.Engine.Runtime;

namespace Decoupling.Application.Cases;

/// <summary>
/// What a page needs to start one process: its name, the subject it asks for (label, whether it must be chosen, the
/// one proposed for this person) and the start form's fields as the published definition declares them.
/// </summary>
/// <param name="SubjectLabel">What the subject is called on the page (协会商会, 业务主管单位…); null when the process asks for none.</param>
/// <param name="DefaultSubject">The subject proposed for this person: their own association or unit, when they act for one.</param>
/// <param name="SubjectFixed">The person may act for this one subject only (an association's staff, a unit for its own summary).</param>
public sealed record StartForm(
    string Key,
    string Name,
    string? Subject,
    string? SubjectLabel,
    bool SubjectRequired,
    StartSubject? DefaultSubject,
    bool SubjectFixed,
    IReadOnlyList<TaskFieldView> Fields);
