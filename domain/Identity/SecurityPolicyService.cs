using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Identity;

/// <summary>
/// Reads and changes the password and session policy. The row is created on first read with the host's defaults
/// (<c>Security:IdleTimeoutMinutes</c>); limits keep a policy from locking everyone out or disabling the timeout.
/// </summary>
public sealed class SecurityPolicyService(PlatformDbContext db, TimeProvider time, SecurityPolicyDefaults defaults)
{
    public static readonly (string Field, string Name, int Min, int Max)[] Limits =
    [
        (nameof(SecurityPolicyEdit.IdleTimeoutMinutes), "会话空闲超时（分钟）", 1, 240),
        (nameof(SecurityPolicyEdit.PasswordMinLength), "密码最短长度", 8, 64),
        (nameof(SecurityPolicyEdit.MaxFailedAccessAttempts), "连续登录失败锁定次数", 3, 10),
        (nameof(SecurityPolicyEdit.LockoutMinutes), "锁定时长（分钟）", 1, 1440),
    ];

    public async Task<SecurityPolicy> GetAsync(CancellationToken cancellationToken = default)
    {
        var policy = await db.SecurityPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == SecurityPolicy.SingletonId, cancellationToken);
        return policy ?? new SecurityPolicy { IdleTimeoutMinutes = defaults.IdleTimeoutMinutes };
    }

    public async Task<SecurityPolicy> UpdateAsync(SecurityPolicyEdit edit, string by, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, int>
        {
            [nameof(edit.IdleTimeoutMinutes)] = edit.IdleTimeoutMinutes,
            [nameof(edit.PasswordMinLength)] = edit.PasswordMinLength,
            [nameof(edit.MaxFailedAccessAttempts)] = edit.MaxFailedAccessAttempts,
            [nameof(edit.LockoutMinutes)] = edit.LockoutMinutes,
        };
        var errors = Limits.Where(l => values[l.Field] < l.Min || values[l.Field] > l.Max)
            .Select(l => new FieldError(l.Field, DomainErrorCodes.SecurityPolicyOutOfRange,
                Resources.DomainText.Get(DomainErrorCodes.SecurityPolicyOutOfRange, l.Name, l.Min, l.Max, values[l.Field])))
            .ToList();
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        var policy = await db.SecurityPolicies.FirstOrDefaultAsync(p => p.Id == SecurityPolicy.SingletonId, cancellationToken);
        if (policy is null)
        {
            policy = new SecurityPolicy();
            db.SecurityPolicies.Add(policy);
        }

        policy.IdleTimeoutMinutes = edit.IdleTimeoutMinutes;
        policy.PasswordMinLength = edit.PasswordMinLength;
        policy.MaxFailedAccessAttempts = edit.MaxFailedAccessAttempts;
        policy.LockoutMinutes = edit.LockoutMinutes;
        policy.UpdatedAt = Clock.Now(time);
        policy.UpdatedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }
}
