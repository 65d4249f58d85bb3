using System.Security.Cryptography;
using System.Text;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Email;

/// <summary>Customer messages by email, through the app's mail sender.</summary>
public sealed class EmailChannel(IEmailSender mail) : IMessageChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var m = message.Message;
        return await mail.SendAsync(new EmailMessage(m.Recipient, m.Subject ?? "", m.Text) { Html = m.Html, MessageId = MessageIdFor(m) }, cancellationToken);
    }

    /// <summary>
    /// The Message-Id a message is always sent with, derived from its delivery key: a copy sent again after a crash
    /// carries the same id, so mail systems can tell it is the same message.
    /// </summary>
    public static string MessageIdFor(OutgoingMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.TenantId}\n{message.DeliveryKey}"));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@orleansportal.notifications";
    }
}
