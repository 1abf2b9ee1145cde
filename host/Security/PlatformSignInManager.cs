using System.Security.Claims;
using System.Text.Json;
using Decoupling.Application.Infrastructure;
using Decoupling.Domain.Audit;
using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Security;

/// <summary>
/// Identity's sign-in with the platform's rules:
/// <list type="bullet">
/// <item>an unknown user name costs a password hash like a wrong password does (Identity answers an unknown name at once,
/// so the answer's time told which user names exist);</item>
/// <item>the lockout threshold and duration come from the security administrator's policy;</item>
/// <item>the three administrators never get a session from a password alone: with an enrolled authenticator they are
/// asked for its code (Identity's two-factor step); without one they are sent to enrol it;</item>
/// <item>every sign-in and every failed attempt is written to the audit chain (who, how, why it failed), so the audit
/// administrator sees password guessing and administrators' sessions.</item>
/// </list>
/// </summary>
public sealed class PlatformSignInManager(
    UserManager<PlatformUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<PlatformUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PlatformUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PlatformUser> confirmation,
    SecurityPolicyService policies,
    AuditLog audit,
    ScopedAuditActor auditActor)
    : SignInManager<PlatformUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), Guid.NewGuid().ToString()));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await FindAsync(userName, password);
        if (user is null)
        {
            await AuditFailureAsync(null, userName, "unknown-user");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>
    /// Sign-in of an API client in one request: password, and for an administrator the authenticator's code as well
    /// (<see cref="SignInResult.RequiresTwoFactor"/> when it is missing, <see cref="EnrolmentRequired"/> when the account
    /// has no authenticator yet — enrolment happens in the browser). A wrong code counts as a failed attempt.
    /// </summary>
    public async Task<SignInResult> SignInWithCodeAsync(string userName, string password, string? code)
    {
        var user = await FindAsync(userName, password);
        if (user is null)
        {
            await AuditFailureAsync(null, userName, "unknown-user");
            return SignInResult.Failed;
        }

        var checkedPassword = await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!checkedPassword.Succeeded)
        {
            return checkedPassword;
        }

        if (!await NeedsSecondFactorAsync(user))
        {
            await SignInAsync(user, isPersistent: false);
            return SignInResult.Success;
        }

        if (!await UserManager.GetTwoFactorEnabledAsync(user))
        {
            return EnrolmentRequired.Instance;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return SignInResult.TwoFactorRequired;
        }

        if (!await VerifyCodeAsync(user, code))
        {
            await UserManager.AccessFailedAsync(user);
            await AuditFailureAsync(user, user.UserName, "second-factor");
            return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        await UserManager.ResetAccessFailedCountAsync(user);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.SecondFactorClaim, Policies.SecondFactorValue)]);
        return SignInResult.Success;
    }

    /// <summary>
    /// Ends enrolment: the code proves the authenticator holds the key shown on the enrolment page; the account then
    /// needs it at every sign-in, and this one is signed in with the second factor.
    /// </summary>
    public async Task<bool> CompleteEnrolmentAsync(PlatformUser user, string code)
    {
        if (!await VerifyCodeAsync(user, code))
        {
            await UserManager.AccessFailedAsync(user);
            return false;
        }

        await UserManager.SetTwoFactorEnabledAsync(user, true);
        await UserManager.ResetAccessFailedCountAsync(user);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.SecondFactorClaim, Policies.SecondFactorValue)]);
        return true;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(PlatformUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.Succeeded)
        {
            await AuditFailureAsync(user, user.UserName, result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "password");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (!result.Succeeded && await GetTwoFactorAuthenticationUserAsync() is { } user)
        {
            await AuditFailureAsync(user, user.UserName, result.IsLockedOut ? "locked-out" : "second-factor");
        }

        return result;
    }

    /// <summary>Every session starts here (password, password and code, enrolment), so a sign-in is audited once.</summary>
    public override async Task SignInWithClaimsAsync(PlatformUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claimList = additionalClaims.ToList();
        await base.SignInWithClaimsAsync(user, authenticationProperties, claimList);
        auditActor.Override = user.UserName;
        var secondFactor = claimList.Any(c => c.Type == Policies.SecondFactorClaim) || claimList.Any(c => c.Type == "amr" && c.Value == "mfa");
        await audit.RecordAsync("SignedIn", "User", user.Id, JsonSerializer.Serialize(new { userName = user.UserName, secondFactor, from = RemoteAddress() }));
    }

    public async Task<bool> NeedsSecondFactorAsync(PlatformUser user) => PlatformRoles.NeedSecondFactor(await UserManager.GetRolesAsync(user));

    public Task<bool> VerifyCodeAsync(PlatformUser user, string code) =>
        UserManager.VerifyTwoFactorTokenAsync(user, Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "", StringComparison.Ordinal).Trim());

    /// <summary>An administrator without an authenticator gets the two-factor cookie only (to enrol), never a session.</summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(PlatformUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        if (await NeedsSecondFactorAsync(user) && !await UserManager.GetTwoFactorEnabledAsync(user))
        {
            var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            identity.AddClaim(new Claim(ClaimTypes.Name, await UserManager.GetUserIdAsync(user)));
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
            return EnrolmentRequired.Instance;
        }

        // an administrator's code is always asked for: no "remember this browser"
        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor: false);
    }

    /// <summary>A failed attempt: the name as typed (capped, it is the caller's input), the reason, where from.</summary>
    private async Task AuditFailureAsync(PlatformUser? user, string? typedName, string reason)
    {
        var name = typedName is null ? "" : typedName.Length > 64 ? typedName[..64] : typedName;
        auditActor.Override = "anonymous";
        await audit.RecordAsync("SignInFailed", "User", user?.Id ?? "", JsonSerializer.Serialize(new { userName = name, reason, from = RemoteAddress() }));
    }

    private string? RemoteAddress() => Context.Connection.RemoteIpAddress?.ToString();

    private async Task<PlatformUser?> FindAsync(string userName, string password)
    {
        await ApplyLockoutPolicyAsync();
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new PlatformUser(), DecoyHash.Value, password);
        }

        return user;
    }

    /// <summary>This scope's UserManager counts failures by the current policy (Identity's options are fixed at start).</summary>
    private async Task ApplyLockoutPolicyAsync()
    {
        var policy = await policies.GetAsync();
        var current = UserManager.Options;
        UserManager.Options = new IdentityOptions
        {
            ClaimsIdentity = current.ClaimsIdentity,
            Password = current.Password,
            SignIn = current.SignIn,
            Stores = current.Stores,
            Tokens = current.Tokens,
            User = current.User,
            Lockout = new LockoutOptions
            {
                AllowedForNewUsers = true,
                MaxFailedAccessAttempts = policy.MaxFailedAccessAttempts,
                DefaultLockoutTimeSpan = TimeSpan.FromMinutes(policy.LockoutMinutes),
            },
        };
    }
}
