using Microsoft.Extensions.Options;
using OrleansPortal.Web.Notifications;

namespace OrleansPortal.Web.Email;

/// <summary>
/// Stands in when no SMTP host is configured. In Development (plain <c>dotnet run</c>) it logs the whole text, sign-in
/// links included, so the portal can be tried without a mail server. Anywhere else it logs an error without the body
/// (links are credentials) and fails the mail for good: a missing mail server must be noticed rather than papered
/// over, and a customer's timeline must not call a message sent that went nowhere.
/// </summary>
public sealed partial class UnsentEmailSender(IHostEnvironment environment, IOptions<EmailOptions> options, ILogger<UnsentEmailSender> logger) : IEmailSender
{
    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            LogNotSent(message.Subject);
            throw new DeliveryFailedException("No mail server is configured (Email:SmtpHost).", permanent: true);
        }

        LogDevelopmentMail(message.To, message.Subject, message.Text);
        return Task.FromResult(message.MessageId ?? EmailMime.NewMessageId(options.Value.From));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No Email:SmtpHost configured (Development): mail to {To}, subject {Subject}:\n{Body}")]
    private partial void LogDevelopmentMail(string to, string subject, string body);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail not sent: Email:SmtpHost is not configured (subject {Subject}).")]
    private partial void LogNotSent(string subject);
}
