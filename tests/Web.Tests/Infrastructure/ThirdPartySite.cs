using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// Another website on loopback (its own port, so its own origin): one page at "/", as a company's own site would embed
/// the widget. A real Kestrel server, apart from the app, so the browser makes real cross-origin requests.
/// </summary>
public sealed class ThirdPartySite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ThirdPartySite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The origin the browser sends for this site's page: "http://127.0.0.1:port".</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    public static async Task<ThirdPartySite> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return new ThirdPartySite(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
