namespace OrleansPortal.Web.Email;

/// <summary>Sends one email; throws when the mail server refuses or cannot be reached (the caller logs and moves on).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
