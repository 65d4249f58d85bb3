using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace OrleansPortal.Web.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message that goes on the wire.</summary>
public static class EmailMime
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";
    public const string OneClick = "List-Unsubscribe=One-Click";

    // Headers composed from the message's own fields; an extra header must not contradict them.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-Id", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "In-Reply-To", "References", ListUnsubscribe, ListUnsubscribePost,
    };

    /// <summary>Composes the message; throws <see cref="ArgumentException"/> for what no mail server could fix.</summary>
    public static MimeMessage Compose(EmailMessage message, MailboxAddress from)
    {
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(Recipient(message));
        if (message.ReplyTo is { } replyTo) mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        mime.Subject = message.Subject;
        mime.Date = DateTimeOffset.UtcNow;
        mime.MessageId = message.MessageId ?? MimeUtils.GenerateMessageId(from.Domain);
        if (message.InReplyTo is { } inReplyTo) mime.InReplyTo = inReplyTo;
        foreach (var reference in message.References) mime.References.Add(reference);
        foreach (var (name, value) in message.Headers)
        {
            if (Reserved.Contains(name)) throw new ArgumentException($"The header {name} is written by the sender and cannot be given as an extra header.", nameof(message));
            mime.Headers.Add(name, value);
        }

        if (message.Marketing) AddOneClickUnsubscribe(mime, message.UnsubscribeUrl);
        mime.Body = Body(message);
        return mime;
    }

    private static MailboxAddress Recipient(EmailMessage message)
    {
        try
        {
            return new MailboxAddress(message.ToName ?? "", message.To);
        }
        catch (ParseException ex)
        {
            throw new ArgumentException("The recipient is not a valid email address.", nameof(message), ex);
        }
    }

    /// <summary>The Message-Id a message will be sent with when none is given, for senders that do not compose MIME.</summary>
    public static string NewMessageId(string fromAddress) =>
        MimeUtils.GenerateMessageId(MailboxAddress.TryParse(fromAddress, out var from) ? from.Domain : "localhost");

    // RFC 8058: exactly one https URI for the POST, and the Post header with its one fixed value.
    private static void AddOneClickUnsubscribe(MimeMessage mime, Uri? url)
    {
        if (url is not { IsAbsoluteUri: true } || url.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException("A marketing mail needs an absolute https unsubscribe URL (RFC 8058).", nameof(url));
        mime.Headers.Add(ListUnsubscribe, $"<{url.AbsoluteUri}>");
        mime.Headers.Add(ListUnsubscribePost, OneClick);
    }

    private static MimeEntity Body(EmailMessage message)
    {
        MimeEntity body = Text("plain", message.Text);
        if (message.Html is { } html) body = new MultipartAlternative { body, Text("html", html) };
        if (message.Attachments.Count == 0) return body;
        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in message.Attachments) mixed.Add(Attachment(attachment));
        return mixed;
    }

    // Base64 rather than quoted-printable: a link must reach the reader whole, never with a soft line break inside it.
    private static TextPart Text(string subtype, string content)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    private static MimePart Attachment(EmailAttachment attachment)
    {
        if (!ContentType.TryParse(attachment.ContentType, out var type))
            throw new ArgumentException($"The attachment {attachment.FileName} has an unreadable content type.", nameof(attachment));
        return new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
    }
}
