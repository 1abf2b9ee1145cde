using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Tests.Api;

/// <summary>Identity's hasher, counting how often a password is checked.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PlatformUser>
{
    private readonly PasswordHasher<PlatformUser> inner = new();
    private int verifications;

    public int Verifications => verifications;

    public string HashPassword(PlatformUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PlatformUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
