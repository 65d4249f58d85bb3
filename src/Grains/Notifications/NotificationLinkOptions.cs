namespace OrleansPortal.Grains.Notifications;

/// <summary>Where the links in messages point and what a message defaults to ("Notifications" section; the web host binds it).</summary>
public sealed class NotificationLinkOptions
{
    /// <summary>The portal's public address, as customers reach it (the same as Portal:PublicBaseUrl).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The language of a contact who has not chosen one ("en" or "pt").</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>How late past the window an ETA must be for the customer to be told the visit is delayed.</summary>
    public TimeSpan DelayTolerance { get; set; } = TimeSpan.FromMinutes(15);

    public Uri Portal() => new($"{PublicBaseUrl.TrimEnd('/')}/portal/");

    public Uri Appointment(string ticketId) => new($"{PublicBaseUrl.TrimEnd('/')}/portal/appointment/?id={Uri.EscapeDataString(ticketId)}");

    /// <summary>The portal's documents, opened at the estimate.</summary>
    public Uri Estimate(string estimateId) => new($"{PublicBaseUrl.TrimEnd('/')}/portal/#documents/{Uri.EscapeDataString(estimateId)}");

    /// <summary>The portal's documents, opened at this invoice (where it is read and paid).</summary>
    public Uri Invoice(string invoiceId) => new($"{PublicBaseUrl.TrimEnd('/')}/portal/#documents/{Uri.EscapeDataString(invoiceId)}");

    /// <summary>The portal's Support section, opened at the case.</summary>
    public Uri Case(string caseId) => new($"{PublicBaseUrl.TrimEnd('/')}/portal/#support/{Uri.EscapeDataString(caseId)}");

    /// <summary>A survey's page (<see cref="Support.Feedback.ISurveyLinkGrain"/>), answered without signing in.</summary>
    public Uri Survey(string token) => new($"{PublicBaseUrl.TrimEnd('/')}/feedback/{Uri.EscapeDataString(token)}");

    public Uri Tracking(string token) => new($"{PublicBaseUrl.TrimEnd('/')}/track/{Uri.EscapeDataString(token)}");

    /// <summary>A marketing message's unsubscribe page, which also takes the one-click POST of RFC 8058.</summary>
    public Uri Unsubscribe(string token) => new($"{PublicBaseUrl.TrimEnd('/')}/u/{Uri.EscapeDataString(token)}");
}
