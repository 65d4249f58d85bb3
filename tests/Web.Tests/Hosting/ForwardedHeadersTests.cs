using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the app sees plain http; the proxy's X-Forwarded-Proto says what the browser used.
/// It is believed from the configured proxy only: then cookies are Secure and the app's own origin is https.
/// Anyone else's X-Forwarded-Proto is ignored, or a client could choose the app's idea of its own origin.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "127.0.0.2"; // loopback is all ours: the proxy and a direct client are two of its addresses

    [Fact]
    public async Task ForwardedHttps_FromTheConfiguredProxy_MakesCookiesSecure_FromAnyoneElse_IsIgnored()
    {
        using var app = new PortalFactory();
        app.Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        using var viaProxy = ClientFrom(Proxy, address);
        using var direct = ClientFrom("127.0.0.1", address);

        var proxied = await LoginAsync(viaProxy, company.Email);
        var forged = await LoginAsync(direct, company.Email);

        Assert.Contains("secure", CookieOf(proxied), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", CookieOf(forged), StringComparison.OrdinalIgnoreCase);
        // Through the proxy the app's own origin is the https one the browser sees, and the cross-site guard agrees.
        var cookie = CookieOf(proxied).Split(';')[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await LogoutAsync(viaProxy, cookie, $"http://{address.Authority}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await LogoutAsync(viaProxy, cookie, $"https://{address.Authority}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = TenantScenario.Password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static Task<HttpResponseMessage> LogoutAsync(HttpClient client, string cookie, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }

    private static string CookieOf(HttpResponseMessage response) => response.Headers.GetValues("Set-Cookie").Single();

    /// <summary>A client whose connections come from <paramref name="localAddress"/>, as the app's remote address.</summary>
    private static HttpClient ClientFrom(string localAddress, Uri app) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = app };
}
