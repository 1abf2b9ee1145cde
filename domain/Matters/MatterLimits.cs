namespace Decoupling.Domain.Matters;

/// <summary>
/// Default time limits per category: statutory days from 社会团体登记管理条例, promised working days shorter as the
/// district promises (assumed; a caller may pass its own).
/// </summary>
public static class MatterLimits
{
    public static (int StatutoryDays, int PromisedWorkingDays) Default(MatterCategory category) => category switch
    {
        MatterCategory.NewRegistration => (60, 10),
        MatterCategory.Deregistration => (30, 5),
        MatterCategory.ChangeRegistration => (30, 5),
        MatterCategory.ArticlesApproval => (30, 5),
        MatterCategory.CertificateRenewal => (30, 3),
        MatterCategory.Filing => (30, 3),
        _ => (30, 5),
    };
}
