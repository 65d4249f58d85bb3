namespace OrleansPortal.Web.Email;

/// <summary>Outgoing mail ("Email" section). Without <see cref="SmtpHost"/> nothing is sent: see <see cref="EmailServices"/>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>TLS required: on connect for port 465, STARTTLS on any other port. Off: plain SMTP.</summary>
    public bool EnableSsl { get; set; }

    public string? Username { get; set; }

    /// <summary>A secret: never logged.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "OrleansPortal <no-reply@localhost>";

    /// <summary>
    /// Where bounces of customer messages go ("bounces@mail.example.com"): each message is sent with its own return path
    /// "bounces+{id}@mail.example.com", received by the app's SMTP receiver (<see cref="Inbound.InboundMailOptions"/>),
    /// which the domain's MX must reach. None: the From address is the return path and bounces are not read.
    /// </summary>
    public string? BounceAddress { get; set; }

    /// <summary>
    /// How many SMTP connections this node keeps open and sends on at once. One connection carries one message at a time,
    /// so this bounds the node's throughput and the load it puts on the mail server.
    /// </summary>
    public int PoolSize { get; set; } = 8;

    /// <summary>How long one SMTP command may take before the attempt is given up as a transient failure.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
