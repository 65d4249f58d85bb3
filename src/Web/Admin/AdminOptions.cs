namespace OrleansPortal.Web.Admin;

/// <summary>Section "Admin". Without an API key the admin API refuses every call.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The platform operator's key, sent as the X-Admin-Key header. Never logged.</summary>
    public string? ApiKey { get; set; }
}
