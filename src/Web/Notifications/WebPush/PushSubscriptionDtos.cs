using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications.WebPush;

namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>A browser's PushSubscription as its toJSON() gives it: { endpoint, expirationTime, keys: { p256dh, auth } }.</summary>
public sealed record PushSubscriptionRequest([property: MaxLength(InputLimits.Url)] string? Endpoint, double? ExpirationTime, PushSubscriptionKeys? Keys);

/// <param name="P256dh">The browser's P-256 public key, base64url.</param>
/// <param name="Auth">The browser's authentication secret, base64url.</param>
public sealed record PushSubscriptionKeys([property: MaxLength(PushSubscriptionKeys.MaxKeyLength)] string? P256dh, [property: MaxLength(PushSubscriptionKeys.MaxKeyLength)] string? Auth)
{
    /// <summary>Far above a key's 87 characters (65 bytes, base64url), so no browser's key is ever near it.</summary>
    public const int MaxKeyLength = 200;
}

/// <summary>What the phone needs to subscribe (the key to subscribe with) and the technician's subscribed browsers.</summary>
/// <param name="ApplicationServerKey">Our VAPID public key, base64url: PushManager.subscribe's applicationServerKey.</param>
public sealed record PushSettingsDto(string ApplicationServerKey, IReadOnlyList<PushDeviceDto> Subscriptions);

/// <summary>One subscribed browser, as the technician manages it. The endpoint itself is not shown: it is a credential.</summary>
/// <param name="PushService">The push service's host, which says which browser it is ("fcm.googleapis.com": Chrome).</param>
/// <param name="ThisDevice">Subscribed with the device token of the request.</param>
public sealed record PushDeviceDto(string Id, string PushService, DateTimeOffset SubscribedAt, bool ThisDevice);

public static class PushDeviceMapping
{
    public static PushDeviceDto AsDto(this DeviceSubscription subscription, string requestingDeviceId) =>
        new(subscription.Id, new Uri(subscription.Endpoint).Host, subscription.SubscribedAt, subscription.DeviceId == requestingDeviceId);
}
