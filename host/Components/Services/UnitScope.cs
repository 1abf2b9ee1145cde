using Decoupling.Domain.Identity;

namespace Decoupling.Host.Components.Services;

/// <summary>
/// Which associations a user may see: the leading group, auditors, the registration window and administrators see the
/// district; a supervisory unit sees those it supervises; association staff their own. Pages apply this to every query.
/// </summary>
public static class UnitScope
{
    public static bool SeesDistrict(UiUser user) =>
        user.IsLeadership || user.IsIn(PlatformRoles.Auditor) || user.IsIn(PlatformRoles.RegistrationOfficer) || user.IsIn(PlatformRoles.Evaluator);

    /// <summary>The supervisory unit to filter by, or null for the whole district.</summary>
    public static Guid? SupervisoryFilter(UiUser user) => SeesDistrict(user) ? null : user.Department?.Id ?? Guid.Empty;

    public static bool MaySee(UiUser user, Decoupling.Domain.Register.Association association) =>
        SeesDistrict(user)
        || (user.IsIn(PlatformRoles.SupervisoryUnit) && association.SupervisoryUnitId == user.Department?.Id)
        || (user.IsIn(PlatformRoles.AssociationStaff) && user.Account.AssociationId == association.Id);
}
