using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansPortal.Fakes;

/// <summary>
/// The fake push service's check of VAPID (RFC 8292): <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;public key&gt;</c>, the JWT
/// an ES256 JWS signed by k's private key, its "aud" the push service's origin, its "exp" in the future and no more than
/// 24 hours away, and a "sub" to contact the sender (mailto: or https:).
/// </summary>
internal static class FakeVapid
{
    public sealed record Identity(string PublicKey, string Subject);

    /// <summary>The sender's identity, or why the header is not acceptable.</summary>
    public static (Identity? Identity, string? Problem) Check(string? authorization, string audience, DateTimeOffset now)
    {
        if (authorization is null || !authorization.StartsWith("vapid ", StringComparison.OrdinalIgnoreCase)) return (null, "no vapid Authorization header");
        var parameters = authorization[6..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].ToLowerInvariant(), p => p[1].Trim('"'));
        if (!parameters.TryGetValue("t", out var token) || !parameters.TryGetValue("k", out var key)) return (null, "the vapid header lacks t= or k=");

        var parts = token.Split('.');
        if (parts.Length != 3) return (null, "t is not a JWS in compact form");
        if (!TryDecode(key, out var point) || point.Length != 65 || point[0] != 0x04) return (null, "k is not an uncompressed P-256 point");
        if (!TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var claimBytes) || !TryDecode(parts[2], out var signature))
            return (null, "the JWT is not base64url");

        using (var header = Parse(headerBytes))
        {
            if (header?.RootElement.ValueKind != JsonValueKind.Object || Text(header.RootElement, "alg") != "ES256") return (null, "the JWT's alg is not ES256");
            if (Text(header.RootElement, "typ") is { } typ && typ != "JWT") return (null, "the JWT's typ is not JWT");
        }

        try
        {
            using var verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
            if (signature.Length != 64 || !verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                return (null, "the JWT's signature does not verify with k");
        }
        catch (CryptographicException)
        {
            return (null, "k is not a point on P-256");
        }

        using var claims = Parse(claimBytes);
        if (claims?.RootElement.ValueKind != JsonValueKind.Object) return (null, "the JWT's claims are not a JSON object");
        var root = claims.RootElement;
        if (Text(root, "aud") != audience) return (null, $"aud is '{Text(root, "aud")}', not this push service's origin {audience}");
        if (!root.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expires)) return (null, "exp is missing");
        var expiry = DateTimeOffset.FromUnixTimeSeconds(expires);
        if (expiry <= now) return (null, "the JWT has expired");
        if (expiry > now.AddHours(24)) return (null, "exp is more than 24 hours ahead");
        if (Text(root, "sub") is not { } sub || !(sub.StartsWith("mailto:", StringComparison.Ordinal) || sub.StartsWith("https:", StringComparison.Ordinal)))
            return (null, "sub is missing or is neither mailto: nor https:");
        return (new Identity(key, sub), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? Parse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        try
        {
            if (!Base64Url.TryDecodeFromChars(text, buffer, out var written)) return false;
            bytes = buffer[..written];
            return true;
        }
        catch (FormatException)
        {
            return false; // a character outside the alphabet
        }
    }
}
