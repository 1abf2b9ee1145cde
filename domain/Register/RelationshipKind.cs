namespace Decoupling.Domain.Register;

/// <summary>The ties with an administrative agency that decoupling ends (R4): 主办、主管、联系、挂靠.</summary>
public enum RelationshipKind
{
    Sponsor,
    Supervisor,
    Contact,
    Affiliation,
}
