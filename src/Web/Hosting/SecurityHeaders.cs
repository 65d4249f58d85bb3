using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Puts the browser-side protections on every response, pages and API alike, error pages included (they are set as the
/// response starts, after the exception handler has cleared whatever was there): the <see cref="ContentSecurityPolicy"/>,
/// no framing, no MIME sniffing, and no Referer, since some addresses carry tokens (sign-in links, the technician's
/// page). The maps ask for their tiles with the origin alone as referrer (tile servers want to know the site).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<MapSettings> map)
{
    private readonly string _tileUrl = map.Value.TileUrl;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (http, tileUrl) = ((HttpContext, string))state;
            var headers = http.Response.Headers;
            // An endpoint's own, stricter policy stays (uploaded photos and chat images: "default-src 'none'").
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = ContentSecurityPolicy.For(tileUrl, ContentSecurityPolicy.WebSocketOrigin(http.Request.IsHttps, http.Request.Host.Value));
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, (context, _tileUrl));
        return next(context);
    }
}
