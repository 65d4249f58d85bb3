namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Section "ForwardedHeaders": the reverse proxies (a TLS-terminating front door) whose X-Forwarded-Proto and
/// X-Forwarded-For are believed. Behind one, the scheme decides whether cookies are Secure and what the app's own
/// origin is (<see cref="CrossSiteRequestGuard"/>), and the client address is what the rate limits count by.
/// Nothing listed: no one is believed, not even loopback, so a client cannot claim https or someone else's address.
/// </summary>
public sealed class ProxySettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. "172.28.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];
}
