namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Text messages through Twilio ("Sms" section). Without <see cref="AccountSid"/> nothing is sent: see <see cref="SmsServices"/>.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary>The Twilio account ("AC" and 32 hex characters): the user name of every API call.</summary>
    public string? AccountSid { get; set; }

    /// <summary>A secret: never logged. The password of every API call and the key Twilio signs its webhooks with.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164); or leave it empty and set <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    /// <summary>A Messaging Service ("MG" and 32 hex characters) that picks the sending number; wins over <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// Where the Twilio API is reached instead of Twilio's own host: only for a fake Twilio (tests, the benchmark). Empty
    /// means Twilio itself.
    /// </summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>
    /// The address Twilio reaches the app at, for the status callback URL and to check webhook signatures (Twilio signs
    /// the URL it called, which behind a proxy is not the one the app sees). Empty: <c>Portal:PublicBaseUrl</c>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The country (ISO 3166 two letters) a phone number written without its country code is read in.</summary>
    public string DefaultRegion { get; set; } = "PT";

    /// <summary>The reply to HELP (or INFO): who is texting and how to stop it.</summary>
    public string HelpText { get; set; } = "Appointment updates from your service company. Reply STOP to stop these messages, START to resume them.";

    /// <summary>How long one call to the Twilio API may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The sender opt-outs are recorded against: the Messaging Service when one is set (its opt-outs cover all its
    /// numbers, as Twilio's do), else the sending number.
    /// </summary>
    public string? SenderId => string.IsNullOrWhiteSpace(MessagingServiceSid) ? From : MessagingServiceSid;
}
