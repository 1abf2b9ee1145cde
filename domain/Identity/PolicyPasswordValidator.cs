using Decoupling.Domain.Common;
using Decoupling.Domain.Resources;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Domain.Identity;

/// <summary>The password length of the security administrator's policy (Identity's own options are fixed at start).</summary>
public sealed class PolicyPasswordValidator(SecurityPolicyService policies) : IPasswordValidator<PlatformUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        var policy = await policies.GetAsync();
        return (password ?? "").Length >= policy.PasswordMinLength
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooShort",
                Description = DomainText.Get(DomainErrorCodes.PasswordTooShort, policy.PasswordMinLength),
            });
    }
}
