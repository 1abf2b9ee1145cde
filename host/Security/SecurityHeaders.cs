namespace Decoupling.Host.Security;

/// <summary>
/// Headers every answer carries. The content security policy is the second line behind Razor's encoding: a script that
/// slipped into an association's name still would not run (no inline scripts, no foreign origins), and no other site
/// may frame the platform to trick a reviewer into clicking.
/// </summary>
public static class SecurityHeaders
{
    // MudBlazor and bpmn-js set inline styles; no page needs an inline script, eval or a foreign origin
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Before the exception handler: set when the response starts, so an error answer it rewrites keeps them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;

                // Hangfire's dashboard is not ours to rewrite; it stays behind the admin/leading-group policy
                if (!context.Request.Path.StartsWithSegments("/hangfire"))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
