using Orleans;

namespace OrleansPortal.Grains.Notifications.WebPush;

/// <summary>
/// One phone's Web Push subscription, as the browser's PushManager gave it: where to post (<paramref name="Endpoint"/>, a
/// push service's URL that is itself a credential) and the keys its messages are encrypted to (RFC 8291).
/// </summary>
/// <param name="Id">32 hex characters derived from the endpoint, so the same browser subscribing again is the same subscription.</param>
/// <param name="P256dh">The browser's P-256 public key, base64url (65 bytes, uncompressed).</param>
/// <param name="Auth">The browser's 16-byte authentication secret, base64url.</param>
/// <param name="DeviceId">The device (token) the phone subscribed with: revoking that device stops its pushes.</param>
[GenerateSerializer, Immutable, Alias("op.DeviceSubscription")]
public sealed record DeviceSubscription(
    [property: Id(0)] string Id,
    [property: Id(1)] string Endpoint,
    [property: Id(2)] string P256dh,
    [property: Id(3)] string Auth,
    [property: Id(4)] string DeviceId,
    [property: Id(5)] DateTimeOffset SubscribedAt)
{
    /// <summary>The id a subscription to <paramref name="endpoint"/> has: the first 128 bits of its SHA-256, in hex.</summary>
    public static string IdFor(string endpoint) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(endpoint)).AsSpan(0, 16));
}
