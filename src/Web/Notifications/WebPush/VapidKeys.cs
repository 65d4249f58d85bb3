namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>The application server's VAPID identity (RFC 8292): its P-256 key pair, base64url, and who to contact about it.</summary>
/// <param name="PrivateKey">A secret: never logged, never sent anywhere; <see cref="ToString"/> leaves it out.</param>
public sealed record VapidKeys(string PublicKey, string PrivateKey, string Subject)
{
    public override string ToString() => $"VapidKeys {{ PublicKey = {PublicKey}, Subject = {Subject} }}";
}
