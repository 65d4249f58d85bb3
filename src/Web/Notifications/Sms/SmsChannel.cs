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

    /// <summary>Twilio can be asked: a message left in doubt is looked up by recipient, text and time before it goes again.</summary>
    public Task<string?> FindSentAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        sms.FindSentAsync(message.Message.Recipient, message.Message.Text, message.CreatedAt, cancellationToken);
}
