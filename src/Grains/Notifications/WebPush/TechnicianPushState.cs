using Orleans;

namespace OrleansPortal.Grains.Notifications.WebPush;

[GenerateSerializer, Alias("op.TechnicianPushState")]
public sealed class TechnicianPushState
{
    [Id(0)]
    public List<DeviceSubscription> Subscriptions { get; set; } = [];
}
