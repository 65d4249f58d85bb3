using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Grains.Devices;

/// <summary>
/// Device tokens: 256 random bits, shown to the user once. We keep only their SHA-256, which is safe without a
/// slow hash because the token is random, not a password. The device id shown in lists is a prefix of the hash.
/// </summary>
public static class DeviceToken
{
    public static (string Token, string Hash, string DeviceId) Create()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(token);
        return (token, hash, DeviceIdOf(hash));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string DeviceIdOf(string hash) => hash[..12];

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
