namespace Decoupling.Domain.Identity;

/// <summary>What the system administrator submits to open an account; roles are the security administrator's.</summary>
public sealed record NewAccount(string? UserName, string? DisplayName, string? Password);
