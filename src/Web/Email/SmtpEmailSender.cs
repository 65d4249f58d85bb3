using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Email;

/// <summary>Sends through the configured SMTP server with System.Net.Mail, one connection per message (SmtpClient is not thread-safe).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.Body)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            // Base64 rather than quoted-printable: a sign-in link must reach the reader whole, never with a soft line break inside it.
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.Username)) client.Credentials = new NetworkCredential(settings.Username, settings.Password);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
