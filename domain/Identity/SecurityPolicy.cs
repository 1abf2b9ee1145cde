namespace Decoupling.Domain.Identity;

/// <summary>
/// The password and session policy the security administrator (安全管理员) sets; one row. Read on every sign-in and
/// every request's session check, so a change applies at once on every node.
/// </summary>
public class SecurityPolicy
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>A session with no activity for this long ends (GB/T 22239 level 3: 登录连接超时自动退出).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    public int PasswordMinLength { get; set; } = 10;

    /// <summary>Failed sign-ins before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
