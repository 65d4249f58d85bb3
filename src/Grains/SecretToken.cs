using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Grains;

/// <summary>
/// Bearer secrets (device tokens, magic links): 256 random bits, base64url, handed out once. Only their SHA-256 is
/// kept, which is safe without a slow hash because the token is random, not a password.
/// </summary>
public static class SecretToken
{
    public static (string Token, string Hash) Create()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    /// <summary>Lower-case hex SHA-256 of the token: the key of the grain that holds what the token grants.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
