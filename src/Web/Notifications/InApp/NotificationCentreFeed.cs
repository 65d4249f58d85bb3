using Microsoft.AspNetCore.SignalR;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Notifications.InApp;

/// <summary>Forwards a tenant's in-app messages to the group of the one contact each is for (grains never see SignalR).</summary>
public sealed class NotificationCentreFeed(IClusterClient client, IHubContext<NotificationCentreHub, INotificationCentreClient> hub) : IStreamFeed
{
    private readonly SubscriptionCache<string, StreamSubscriptionHandle<InAppNotificationSent>> _tenants = new();

    public static string GroupFor(string tenantId, string customerId, string contactId) => $"notifications:{tenantId}:{customerId}:{contactId}";

    public Task WatchAsync(string tenantId) => _tenants.GetOrSubscribeAsync(tenantId, id =>
        client.GetStreamProvider(InAppStreams.ProviderName).GetStream<InAppNotificationSent>(InAppStreams.ForTenant(id))
            .SubscribeAsync((sent, _) => hub.Clients.Group(GroupFor(sent.TenantId, sent.CustomerId, sent.ContactId)).Notification(sent.AsDto())));

    public async Task UnsubscribeAllAsync()
    {
        foreach (var subscription in await _tenants.AllAsync()) await subscription.UnsubscribeAsync();
    }
}
