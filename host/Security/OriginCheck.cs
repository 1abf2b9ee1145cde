namespace Decoupling.Host.Security;

/// <summary>
/// A second line behind SameSite=Strict for the cookie-authenticated API: a state-changing request whose Origin (or,
/// without one, Referer) names another site is refused before any endpoint runs. Requests from programs that send
/// neither header (scripts, tests) carry no browser's ambient cookie risk and pass.
/// </summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                && !HttpMethods.IsOptions(request.Method) && !SameOrigin(request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new
                {
                    status = 403,
                    title = "ORIGIN_REFUSED",
                    code = "ORIGIN_REFUSED",
                    detail = "请求来自其他网站，已拒绝。请在本平台页面内操作。",
                });
                return;
            }

            await next(context);
        });

    private static bool SameOrigin(HttpRequest request)
    {
        var source = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(source))
        {
            source = request.Headers.Referer.ToString();
        }

        if (string.IsNullOrEmpty(source))
        {
            return true;
        }

        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
