namespace Decoupling.Domain.Identity;

/// <summary>The policy before the security administrator first saves one; the idle timeout comes from configuration.</summary>
public sealed record SecurityPolicyDefaults(int IdleTimeoutMinutes = 30);
