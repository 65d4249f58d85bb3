using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Fakes;

/// <summary>
/// <c>Stripe-Signature</c> as Stripe's webhook docs describe it, written from the docs and not taken from the SDK, so
/// that the app's check (the SDK's <c>EventUtility.ConstructEvent</c>) and this fake check each other:
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload" keyed with the endpoint's signing secret&gt;</c>.
/// </summary>
public static class FakeStripeSignature
{
    public static string Compute(string secret, DateTimeOffset time, string payload)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(payload);
        var t = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + payload));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
