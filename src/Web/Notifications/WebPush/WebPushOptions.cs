namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>
/// Web Push to the technicians' phones ("Notifications:WebPush" section). Without a key pair configured, one is made
/// once and kept in <see cref="KeyFile"/> (<see cref="VapidKeyStore"/>).
/// </summary>
public sealed class WebPushOptions
{
    public const string SectionName = "Notifications:WebPush";

    /// <summary>The application server's P-256 public key (VAPID), base64url of its 65-byte uncompressed point.</summary>
    public string? PublicKey { get; set; }

    /// <summary>A secret: never logged. The matching private key, base64url of its 32-byte scalar.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>
    /// Who push services can contact about our messages: "mailto:ops@example.com" or an https URL. Empty: the portal's
    /// address when it is https, else the sender address of the mail (<c>Email:From</c>).
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>
    /// Where the generated key pair is kept when none is configured. Empty: <c>vapid-keys.json</c> in
    /// <c>DataProtection:KeyDirectory</c> when set (the directory every node of a cluster shares), else in the app's
    /// <c>data</c> folder. Every node must use the same keys: a phone's subscription is bound to the public key.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>How long a push service keeps a message for a phone that is off (the TTL header).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long one request to a push service may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Where every push is sent instead of its endpoint's own host (scheme, host and port replaced, path kept): only for
    /// the fake push service of the tests, which hands out endpoints on a name of its own. Empty: the endpoint itself.
    /// </summary>
    public string? ServiceUrl { get; set; }
}
