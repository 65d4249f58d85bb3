using System.Security.Cryptography;

namespace OrleansPortal.Fakes;

/// <summary>
/// A subscription the fake push service made, as a browser's PushManager hands it to the page: the endpoint to post to
/// and the two keys messages are encrypted to, base64url (<c>subscription.toJSON()</c>). The fake keeps the private half
/// (<see cref="Key"/>), as the browser does, to decrypt what arrives.
/// </summary>
/// <param name="ApplicationServerKey">The VAPID public key the page subscribed with; pushes signed with another get 403 (RFC 8292 section 4.2). Null: any.</param>
public sealed record FakePushSubscription(string Id, Uri Endpoint, string P256dh, string Auth, string? ApplicationServerKey)
{
    internal ECDiffieHellman Key { get; init; } = null!;

    internal byte[] AuthSecret { get; init; } = [];
}
