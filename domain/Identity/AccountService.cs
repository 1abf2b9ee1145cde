using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Identity;

/// <summary>
/// Account administration under 三员分立: the system administrator opens accounts (no role); the security
/// administrator gives each account its one role and unit, locks and unlocks, and resets a second factor; nobody
/// changes their own account; an administrator's account holds that one administrator role and nothing else.
/// Every change is audited (the audit interceptor sees the Identity rows change).
/// </summary>
public sealed class AccountService(UserManager<PlatformUser> users, PlatformDbContext db)
{
    private static readonly HashSet<string> DepartmentRoles =
    [
        PlatformRoles.LeadingGroup, PlatformRoles.SupervisoryUnit, PlatformRoles.Reviewer, PlatformRoles.Auditor,
        PlatformRoles.RegistrationOfficer, PlatformRoles.Evaluator,
    ];

    public async Task<List<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return accounts.Select(u => new AccountSummary(
                u.Id, u.UserName ?? "", u.DisplayName, u.DepartmentId, u.AssociationId,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now, u.TwoFactorEnabled))
            .ToList();
    }

    public async Task<PlatformUser> CreateAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        var user = new PlatformUser
        {
            UserName = account.UserName?.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName?.Trim() ?? "" : account.DisplayName.Trim(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, account.Password ?? ""));
        return user;
    }

    public async Task<PlatformUser> AssignAsync(string actorUserName, string userId, RoleAssignment assignment, CancellationToken cancellationToken = default)
    {
        var user = await FindOtherAsync(actorUserName, userId);
        var role = assignment.Role ?? "";
        if (!PlatformRoles.All.Contains(role, StringComparer.Ordinal))
        {
            throw Invalid("role", DomainErrorCodes.AccountRoleUnknown, role);
        }

        var current = await users.GetRolesAsync(user);
        var other = current.FirstOrDefault(r => r != role);
        if (other is not null && (PlatformRoles.IsAdministrator(other) || PlatformRoles.IsAdministrator(role)))
        {
            throw Invalid("role", DomainErrorCodes.AccountRolesSeparated, user.UserName, RoleName(other), RoleName(role));
        }

        Guid? department = null, association = null;
        if (DepartmentRoles.Contains(role))
        {
            department = assignment.DepartmentId is { } d && await db.Departments.AnyAsync(x => x.Id == d, cancellationToken) ? d
                : throw Invalid("departmentId", DomainErrorCodes.AccountRoleNeedsUnit, RoleName(role), "部门");
        }
        else if (role == PlatformRoles.AssociationStaff)
        {
            association = assignment.AssociationId is { } a && await db.Associations.AnyAsync(x => x.Id == a, cancellationToken) ? a
                : throw Invalid("associationId", DomainErrorCodes.AccountRoleNeedsUnit, RoleName(role), "协会");
        }

        // one role per account, replaced as a whole: the old role goes, the new one comes, the unit follows
        foreach (var old in current.Where(r => r != role))
        {
            Check(await users.RemoveFromRoleAsync(user, old));
        }

        if (!current.Contains(role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        user.DepartmentId = department;
        user.AssociationId = association;
        Check(await users.UpdateAsync(user));
        // open sessions pick up the new role (or lose the old one) within a minute
        Check(await users.UpdateSecurityStampAsync(user));
        return user;
    }

    public async Task SetLockedAsync(string actorUserName, string userId, bool locked, CancellationToken cancellationToken = default)
    {
        var user = await FindOtherAsync(actorUserName, userId);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked)
        {
            Check(await users.ResetAccessFailedCountAsync(user));
        }

        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>A lost authenticator: the account enrols a new one at its next sign-in (after the password).</summary>
    public async Task ResetSecondFactorAsync(string actorUserName, string userId, CancellationToken cancellationToken = default)
    {
        var user = await FindOtherAsync(actorUserName, userId);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private async Task<PlatformUser> FindOtherAsync(string actorUserName, string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException(DomainErrorCodes.NotFound, "账号", userId);
        if (string.Equals(user.UserName, actorUserName, StringComparison.Ordinal))
        {
            throw new DomainException(DomainErrorCodes.AccountSelfChange, actorUserName);
        }

        return user;
    }

    private static string RoleName(string role) => role switch
    {
        PlatformRoles.SystemAdmin => "系统管理员",
        PlatformRoles.SecurityAdmin => "安全管理员",
        PlatformRoles.AuditAdmin => "审计管理员",
        PlatformRoles.LeadingGroup => "领导小组办公室",
        PlatformRoles.SupervisoryUnit => "业务主管单位",
        PlatformRoles.Reviewer => "职能部门审核人",
        PlatformRoles.Auditor => "审计人员",
        PlatformRoles.AssociationStaff => "协会工作人员",
        PlatformRoles.Evaluator => "评估方",
        PlatformRoles.RegistrationOfficer => "登记窗口",
        _ => role,
    };

    private static DomainValidationException Invalid(string field, string code, params object?[] args) =>
        new([new FieldError(field, code, DomainText.Get(code, args))]);

    /// <summary>Identity's refusals (duplicate name, weak password) as field errors in Chinese.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainValidationException(result.Errors.Select(e => new FieldError(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "account",
                e.Code, e.Description)).ToList());
        }
    }
}
