using Orleans;

namespace OrleansPortal.Grains.Notifications.WebPush;

/// <summary>
/// The Web Push subscriptions of one technician's phones, keyed "{tenantId}:{technicianId}". A technician may have
/// several (a phone and a tablet, a browser reinstalled); each is one browser's, known by its endpoint.
/// </summary>
[Alias("op.ITechnicianPushGrain")]
public interface ITechnicianPushGrain : IGrainWithStringKey
{
    /// <summary>
    /// Keeps the subscription (the same endpoint again replaces its keys and device); past ten subscriptions the oldest
    /// goes. Returns it as stored.
    /// </summary>
    Task<DeviceSubscription> SubscribeAsync(DeviceSubscription subscription);

    /// <summary>Every subscription, oldest first.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<DeviceSubscription>> ListAsync();

    /// <summary>Forgets the subscriptions with these ids (turned off, or gone at the push service); returns how many there were.</summary>
    Task<int> RemoveAsync(IReadOnlyList<string> ids);
}
