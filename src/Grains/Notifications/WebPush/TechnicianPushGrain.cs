using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Notifications.WebPush;

public sealed class TechnicianPushGrain([PersistentState("technician-push")] IPersistentState<TechnicianPushState> state) : Grain, ITechnicianPushGrain
{
    /// <summary>
    /// Enough for every browser a technician really uses; a phone that keeps subscribing anew (site data cleared each
    /// day) pushes its own oldest subscriptions out instead of growing the list, and each send, without end.
    /// </summary>
    public const int MaxSubscriptions = 10;

    public async Task<DeviceSubscription> SubscribeAsync(DeviceSubscription subscription)
    {
        var list = state.State.Subscriptions;
        var existing = list.FindIndex(s => s.Id == subscription.Id);
        if (existing >= 0)
        {
            // The first subscription time stays: it says since when this browser has been getting pushes.
            subscription = subscription with { SubscribedAt = list[existing].SubscribedAt };
            if (list[existing] == subscription) return subscription;
            list[existing] = subscription;
        }
        else
        {
            list.Add(subscription);
            if (list.Count > MaxSubscriptions) list.RemoveRange(0, list.Count - MaxSubscriptions);
        }

        await state.WriteStateAsync();
        return subscription;
    }

    public Task<IReadOnlyList<DeviceSubscription>> ListAsync() => Task.FromResult<IReadOnlyList<DeviceSubscription>>([.. state.State.Subscriptions]);

    public async Task<int> RemoveAsync(IReadOnlyList<string> ids)
    {
        var removed = state.State.Subscriptions.RemoveAll(s => ids.Contains(s.Id));
        if (removed > 0) await state.WriteStateAsync();
        return removed;
    }
}
