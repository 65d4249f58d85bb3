using Orleans;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.InApp;

/// <summary>
/// The portal's notification centre. The stored message is the notification (the bell lists sent in-app messages);
/// sending it announces it on the tenant's stream, so the contact's open pages on any node light up at once.
/// </summary>
public sealed class InAppChannel(IClusterClient client) : IMessageChannel
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var m = message.Message;
        if (m.CustomerId is null || m.ContactId is null) throw new DeliveryFailedException("An in-app message needs a customer's contact.", permanent: true);
        await client.GetStreamProvider(InAppStreams.ProviderName).GetStream<InAppNotificationSent>(InAppStreams.ForTenant(m.TenantId))
            .OnNextAsync(new InAppNotificationSent(m.TenantId, m.CustomerId, m.ContactId, message.Id, m.Trigger, m.TicketId, m.Subject ?? "", m.Text, DateTimeOffset.UtcNow));
        return null;
    }
}
