using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Customer messages by SMS, through the configured <see cref="ISmsSender"/> (Twilio).</summary>
public sealed class SmsChannel(ISmsSender sms) : IMessageChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        await sms.SendAsync(message.Message.Recipient, message.Message.Text, cancellationToken);
}
