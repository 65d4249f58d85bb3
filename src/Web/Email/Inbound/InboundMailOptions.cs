namespace OrleansPortal.Web.Email.Inbound;

/// <summary>
/// The app's own SMTP receiver ("InboundMail" section): off unless <see cref="Port"/> is set. Point the MX of the
/// bounce address's domain (<see cref="EmailOptions.BounceAddress"/>) at it, or have the mail server relay to it.
/// </summary>
public sealed class InboundMailOptions
{
    public const string SectionName = "InboundMail";

    /// <summary>The port to listen on (25 for mail from the internet); none: no receiver.</summary>
    public int? Port { get; set; }

    /// <summary>The address to listen on; all of this machine's by default.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The name the receiver greets with.</summary>
    public string ServerName { get; set; } = "localhost";

    /// <summary>Larger messages are refused (552) while they arrive, before they are read.</summary>
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;
}
