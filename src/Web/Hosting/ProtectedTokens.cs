using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace OrleansPortal.Web.Hosting;

/// <summary>Reading the app's data-protected tokens (unsubscribe links, widget sessions): one place that says what is not one.</summary>
public static partial class ProtectedTokens
{
    /// <summary>
    /// The text <paramref name="token"/> protects; null for anything <paramref name="protector"/> did not issue (another
    /// purpose), that was altered or forged, that expired, or that is not even a base64url token of at most <paramref name="maxLength"/>.
    /// </summary>
    public static string? Unprotect(ITimeLimitedDataProtector protector, string? token, int maxLength)
    {
        if (string.IsNullOrEmpty(token) || token.Length > maxLength || !TokenCharacters().IsMatch(token)) return null;
        try
        {
            return protector.Unprotect(token, out _);
        }
        catch (CryptographicException) // forged, altered, expired, or protected under another purpose
        {
            return null;
        }
        catch (FormatException) // not base64url at all
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex TokenCharacters();
}
