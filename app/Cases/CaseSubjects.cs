namespace Decoupling.Application.Cases;

/// <summary>
/// What a process's cases are about, declared on the process (<c>camunda:property caseSubject</c>), so the platform
/// knows what the business key names and which facts to read from its own records at start.
/// </summary>
public static class CaseSubjects
{
    public const string Property = "caseSubject";

    /// <summary>The business key is an association's id; facts: the association, its credit code and supervisory unit.</summary>
    public const string Association = "association";

    /// <summary>The business key is a supervisory unit's department code; facts: the unit.</summary>
    public const string Unit = "unit";

    /// <summary>The whole district (business key "district").</summary>
    public const string District = "district";

    /// <summary>A report by whoever files it; facts: the reporter and their unit, the association concerned if any.</summary>
    public const string Report = "report";

    /// <summary>A registration matter: an existing association's (business key its id) or a new one's (no key yet).</summary>
    public const string Registration = "registration";

    public const string DistrictKey = "district";

    /// <summary>
    /// <c>camunda:property closedByOutcomes</c> (comma-separated register outcomes, e.g. <c>Decoupled,Deregistered,Revoked</c>):
    /// an association whose register outcome is one of them has had this matter decided, so no new case of the process is
    /// started for it (a second decoupling would first mark a decoupled entry 脱钩中 again).
    /// </summary>
    public const string ClosedByOutcomesProperty = "closedByOutcomes";
}
