namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary>How an opt-out or opt-in was asked for, as <see cref="OptOutChange.Source"/> records it. Stored: never renamed.</summary>
public static class OptOutSources
{
    /// <summary>The recipient texted STOP (or another stop word) to the sending number.</summary>
    public const string SmsStop = "sms-stop";

    /// <summary>The recipient texted START (or another start word) to the sending number.</summary>
    public const string SmsStart = "sms-start";

    /// <summary>
    /// The recipient's unsubscribe link: a mail provider's one-click POST (RFC 8058), or the page behind the link, whose
    /// "Subscribe again" records an opt-in with the same source.
    /// </summary>
    public const string Link = "link";

    /// <summary>The contact switched marketing on or off in the portal's notification preferences.</summary>
    public const string Portal = "portal";

    /// <summary>
    /// A delivery report said the email address does not exist (5.1.x). An opt-in with this source is the team's word
    /// that the address works again.
    /// </summary>
    public const string Bounce = "bounce";
}
