using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Security;

/// <summary>
/// Signing out ends the session on the server, not only in the browser: the account's security stamp changes, and the
/// cookie middleware checks the stamp on every request, so a copied cookie stops working at once.
/// </summary>
public static class SessionEnd
{
    public static async Task SignOutEverywhereAsync(HttpContext http, SignInManager<PlatformUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } account)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(account);
        }

        await signIn.SignOutAsync();
    }
}
