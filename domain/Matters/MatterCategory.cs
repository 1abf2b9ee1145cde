namespace Decoupling.Domain.Matters;

/// <summary>Kinds of one-window case at the civil-affairs registration window (变更、核准、备案、换证、注销、成立).</summary>
public enum MatterCategory
{
    ChangeRegistration,
    ArticlesApproval,
    Filing,
    CertificateRenewal,
    Deregistration,
    NewRegistration,
}
