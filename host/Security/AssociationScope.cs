using System.Security.Claims;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Security;

/// <summary>
/// Which associations a caller may see through the API: the district for the leading group, auditors,
/// the registration window and evaluators; its own associations for a supervisory unit; its own record for association
/// staff; none for a functional department's reviewer (who works through tasks).
/// </summary>
public sealed record AssociationScope(bool District, Guid? SupervisoryUnitId, Guid? AssociationId)
{
    public static async Task<AssociationScope> ForAsync(ClaimsPrincipal principal, UserManager<PlatformUser> users)
    {
        if (principal.IsInRole(PlatformRoles.LeadingGroup) || principal.IsInRole(PlatformRoles.Auditor)
            || principal.IsInRole(PlatformRoles.RegistrationOfficer) || principal.IsInRole(PlatformRoles.Evaluator))
        {
            return new AssociationScope(true, null, null);
        }

        var account = await users.GetUserAsync(principal);
        if (principal.IsInRole(PlatformRoles.SupervisoryUnit) && account?.DepartmentId is { } unit)
        {
            return new AssociationScope(false, unit, null);
        }

        return new AssociationScope(false, null, account?.AssociationId ?? Guid.Empty);
    }

    public bool Covers(Association association) =>
        District || (SupervisoryUnitId is { } unit && association.SupervisoryUnitId == unit) || (AssociationId is { } id && association.Id == id);

    public bool MayEditRegister => District;

    /// <summary>Loads an association the caller may see, or null (answered as 404).</summary>
    public async Task<Association?> FindAsync(PlatformDbContext db, Guid id)
    {
        var association = await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        return association is not null && Covers(association) ? association : null;
    }
}
