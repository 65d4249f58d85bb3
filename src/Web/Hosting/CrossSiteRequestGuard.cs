using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Refuses, with 403, a request that could change something (any method but GET, HEAD, OPTIONS and TRACE, and every
/// WebSocket handshake, which opens a hub as the signed-in user) when it carries a sign-in cookie and the browser says it
/// comes from another site: an Origin that is not this app's own (scheme, host and port, as the configured proxy
/// forwarded them), or Sec-Fetch-Site "cross-site" or "same-site". Together with SameSite=Strict cookies this stops
/// cross-site request forgery for every form, multipart and empty-bodied endpoint without tokens in the pages.
/// <para>
/// Requests without our cookies pass: the technicians' phones and tracking apps authenticate with bearer tokens a
/// foreign page does not have, and the admin API with a key header. A request with neither header (curl, the tests,
/// scripts) passes too: browsers send Origin with every cross-origin request that is not a GET or HEAD.
/// </para>
/// </summary>
public sealed partial class CrossSiteRequestGuard(
    RequestDelegate next, IAuthenticationSchemeProvider schemes, IOptionsMonitor<CookieAuthenticationOptions> cookies, ILogger<CrossSiteRequestGuard> logger)
{
    private string[]? _cookieNames;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsStateChanging(request) && await CarriesSignInCookieAsync(request) && IsCrossSite(request))
        {
            LogRefused(logger, request.Method, request.Path, request.Headers.Origin.ToString(), request.Headers["Sec-Fetch-Site"].ToString());
            await TypedResults.Problem(
                title: "Cross-site request refused.",
                detail: "This request came from another site with your sign-in cookie, so it was not carried out. Use the app's own pages.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsStateChanging(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        || request.Headers.Upgrade.Any(u => string.Equals(u, "websocket", StringComparison.OrdinalIgnoreCase));

    private async ValueTask<bool> CarriesSignInCookieAsync(HttpRequest request)
    {
        // Every cookie scheme, read once: a scheme added later is guarded without touching this class.
        _cookieNames ??= [.. (await schemes.GetAllSchemesAsync())
            .Where(s => typeof(CookieAuthenticationHandler).IsAssignableFrom(s.HandlerType))
            .Select(s => cookies.Get(s.Name).Cookie.Name)
            .OfType<string>()];
        return _cookieNames.Any(request.Cookies.ContainsKey);
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase)) return true;
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !IsOwnOrigin(origin, request);
    }

    // "null" (a sandboxed frame, a redirect across sites) is not a URI, so it is refused like any foreign origin.
    private static bool IsOwnOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.AbsolutePath == "/"
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cross-site {Method} {Path} carrying a sign-in cookie (Origin {Origin}, Sec-Fetch-Site {FetchSite}).")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string origin, string fetchSite);
}
