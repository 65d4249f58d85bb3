using System.Text;
using Microsoft.Extensions.Primitives;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>Reads device tokens from the Authorization header. Malformed headers count as absent rather than failing the request.</summary>
internal static class AuthorizationHeader
{
    // Far above any real token; keeps a hostile header from costing more than a small stack buffer.
    private const int MaxLength = 2048;

    public static string? BearerToken(StringValues header)
    {
        var credentials = Credentials(header, "Bearer");
        return credentials.IsEmpty ? null : credentials.ToString();
    }

    /// <summary>The password half of Basic credentials; the user name is not a secret and is never returned.</summary>
    public static string? BasicPassword(StringValues header)
    {
        var credentials = Credentials(header, "Basic");
        if (credentials.IsEmpty)
            return null;

        Span<byte> decoded = stackalloc byte[MaxLength];
        if (!Convert.TryFromBase64Chars(credentials, decoded, out var length))
            return null;

        // RFC 7617: the user name cannot contain ':', so the first one separates it from the password.
        var pair = decoded[..length];
        var colon = pair.IndexOf((byte)':');
        return colon < 0 || colon == pair.Length - 1 ? null : Encoding.UTF8.GetString(pair[(colon + 1)..]);
    }

    private static ReadOnlySpan<char> Credentials(StringValues header, string scheme)
    {
        var value = header.Count > 0 ? header[0].AsSpan().Trim() : default;
        if (value.Length > MaxLength || value.Length <= scheme.Length
            || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || value[scheme.Length] != ' ')
            return default;
        return value[(scheme.Length + 1)..].Trim();
    }
}
