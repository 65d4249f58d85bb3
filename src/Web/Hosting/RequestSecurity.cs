using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrleansPortal.Web.Hosting;

/// <summary>What every request passes before anything answers it: proxy headers, security headers, the cross-site guard.</summary>
public static class RequestSecurity
{
    public static IServiceCollection AddRequestSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ProxySettings.SectionName).Get<ProxySettings>() ?? new ProxySettings();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{ProxySettings.SectionName}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{ProxySettings.SectionName}:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/8).")).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the operator listed is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>First in the pipeline: the scheme and client address must be the real ones before anything reads them.</summary>
    public static IApplicationBuilder UseRequestSecurity(this IApplicationBuilder app) => app
        .UseForwardedHeaders()
        .UseMiddleware<SecurityHeaders>()
        .UseMiddleware<CrossSiteRequestGuard>();
}
