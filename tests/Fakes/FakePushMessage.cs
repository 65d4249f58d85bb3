namespace OrleansPortal.Fakes;

/// <summary>A push the fake service accepted, decrypted as the phone would decrypt it.</summary>
/// <param name="Plaintext">The decrypted payload (UTF-8).</param>
/// <param name="TimeToLive">The TTL header, in seconds.</param>
/// <param name="Urgency">The Urgency header (very-low, low, normal, high); "normal" when absent, as RFC 8030 says.</param>
/// <param name="VapidSubject">The "sub" claim of the VAPID token.</param>
public sealed record FakePushMessage(long Sequence, string SubscriptionId, string Plaintext, int TimeToLive, string Urgency, string? Topic, string VapidPublicKey, string VapidSubject, DateTimeOffset ReceivedAt);
