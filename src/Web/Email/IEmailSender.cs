namespace OrleansPortal.Web.Email;

/// <summary>Sends one email.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/> and returns the Message-Id it went out with (without angle brackets). A mail server
    /// that refuses it, or cannot be reached, is a <see cref="Notifications.DeliveryFailedException"/> saying whether a retry
    /// could work; a malformed message (a bad Message-Id, a marketing mail without an https unsubscribe URL) is an
    /// <see cref="ArgumentException"/>.
    /// </summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
