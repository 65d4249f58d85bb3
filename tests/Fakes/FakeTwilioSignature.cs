using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Fakes;

/// <summary>
/// <c>X-Twilio-Signature</c> as Twilio's security docs describe it, written here from the docs and not taken from the
/// SDK, so that the app's check (the SDK's validator) and this fake check each other: the full URL Twilio called, then
/// each POST field's name and value run together, fields sorted by name; HMAC-SHA1 of that (UTF-8) keyed with the
/// account's auth token; base64.
/// </summary>
public static class FakeTwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal)) data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
