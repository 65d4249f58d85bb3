using System.Security.Cryptography;
using System.Text;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Notifications.Outbox;
using OrleansPortal.Web.Notifications.Unsubscribe;

namespace OrleansPortal.Web.Notifications.Email;

/// <summary>
/// Customer messages by email, through the app's mail sender. A marketing message gets the one-click unsubscribe
/// headers (RFC 8058) with a link made as it is sent, for the recipient it goes to; service messages never have them.
/// </summary>
public sealed partial class EmailChannel(IEmailSender mail, UnsubscribeTokens unsubscribeTokens, ILogger<EmailChannel> logger) : IMessageChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var m = message.Message;
        var email = new EmailMessage(m.Recipient, m.Subject ?? "", m.Text) { Html = m.Html, MessageId = MessageIdFor(m) };
        if (m is { Marketing: true, CustomerId: { } customerId, ContactId: { } contactId })
        {
            var url = unsubscribeTokens.UrlFor(new UnsubscribeGrant(m.TenantId, customerId, contactId, NotificationChannel.Email, m.Recipient));
            // RFC 8058 allows only https. A portal published on plain http (dotnet run) still sends the mail, with the
            // footer's link but without the headers a mail provider would refuse to use.
            if (url.Scheme == Uri.UriSchemeHttps) email = email with { Marketing = true, UnsubscribeUrl = url };
            else LogNoOneClick(logger, m.TenantId);
        }

        return await mail.SendAsync(email, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A marketing mail of tenant {TenantId} goes without List-Unsubscribe headers: the portal's public address is not https (RFC 8058)")]
    private static partial void LogNoOneClick(ILogger logger, string tenantId);
}
