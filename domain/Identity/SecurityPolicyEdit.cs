namespace Decoupling.Domain.Identity;

/// <summary>What the security administrator submits for the password and session policy.</summary>
public sealed record SecurityPolicyEdit(int IdleTimeoutMinutes, int PasswordMinLength, int MaxFailedAccessAttempts, int LockoutMinutes);
