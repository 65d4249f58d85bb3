using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Email;

/// <summary>
/// Stands in when no SMTP host is configured. In Development (plain <c>dotnet run</c>) it logs the whole text, sign-in
/// links included, so the portal can be tried without a mail server. Anywhere else it logs an error without the body:
/// links are credentials, and a missing mail server must be noticed rather than papered over.
/// </summary>
public sealed partial class UnsentEmailSender(IHostEnvironment environment, IOptions<EmailOptions> options, ILogger<UnsentEmailSender> logger) : IEmailSender
{
    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment()) LogDevelopmentMail(message.To, message.Subject, message.Text);
        else LogNotSent(message.Subject);
        return Task.FromResult(message.MessageId ?? EmailMime.NewMessageId(options.Value.From));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No Email:SmtpHost configured (Development): mail to {To}, subject {Subject}:\n{Body}")]
    private partial void LogDevelopmentMail(string to, string subject, string body);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail not sent: Email:SmtpHost is not configured (subject {Subject}).")]
    private partial void LogNotSent(string subject);
}
