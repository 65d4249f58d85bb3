namespace OrleansPortal.Web.Email;

/// <summary>
/// One email to one recipient. <see cref="Text"/> is always sent; with <see cref="Html"/> the mail is
/// multipart/alternative (text first, so a reader that cannot show HTML shows the text), and with attachments the whole
/// is wrapped in multipart/mixed.
/// </summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line (UTF-8 is fine).</param>
/// <param name="Text">The plain-text body; required even when there is HTML.</param>
public sealed record EmailMessage(string To, string Subject, string Text)
{
    /// <summary>The recipient's display name ("Maria Silva"), or none.</summary>
    public string? ToName { get; init; }

    /// <summary>An HTML alternative of <see cref="Text"/>, already sanitized by whoever rendered it.</summary>
    public string? Html { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The Message-Id to send with, without angle brackets ("left@right"). The outbox derives it from the delivery key, so a
    /// resend carries the same id and the recipient's mail system can recognise the duplicate. None: a fresh one.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>Where the recipient's answer goes (Reply-To), when not to the From address: a support case's address, say.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The message this one answers (In-Reply-To), without angle brackets.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The conversation this message belongs to, oldest first (References), without angle brackets.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// The envelope sender (SMTP MAIL FROM), where a server that gives up on the message later sends its bounce. None:
    /// the From address.
    /// </summary>
    public string? ReturnPath { get; init; }

    /// <summary>More headers (a correlation id, say). Headers the sender writes itself (addresses, subject, content, ids, list headers) are refused.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Marketing mail gets the one-click unsubscribe headers of RFC 8058 and then needs <see cref="UnsubscribeUrl"/>
    /// (https, as the RFC requires). Service mail (sign-in links, on-my-way, invoices) never carries them: an unsubscribe
    /// button there would let a mail client silence messages the customer needs.
    /// </summary>
    public bool Marketing { get; init; }

    /// <summary>Where the one-click unsubscribe POST goes; it must identify the recipient and the list by itself (no cookies are sent).</summary>
    public Uri? UnsubscribeUrl { get; init; }
}
