namespace OrleansPortal.Web.Portal;

/// <summary>The customer portal ("Portal" section).</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>
    /// Where customers reach the app; sign-in links in emails start with it. Configured, never taken from a request's Host
    /// header, which a client could set to send a victim a valid link to someone else's site.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
