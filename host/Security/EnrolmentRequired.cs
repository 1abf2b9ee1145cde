using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Security;

/// <summary>
/// The password was right, but the account is an administrator's without an enrolled authenticator: it gets no
/// session, only the short two-factor cookie that lets it reach the enrolment page.
/// </summary>
public sealed class EnrolmentRequired : SignInResult
{
    public static readonly EnrolmentRequired Instance = new();

    private EnrolmentRequired()
    {
        RequiresTwoFactor = true;
    }
}
