namespace OrleansPortal.Grains.Devices;

/// <summary>
/// Device tokens are <see cref="SecretToken"/>s, shown to the user once. The device id shown in lists is a prefix of the hash.
/// </summary>
public static class DeviceToken
{
    public static (string Token, string Hash, string DeviceId) Create()
    {
        var (token, hash) = SecretToken.Create();
        return (token, hash, DeviceIdOf(hash));
    }

    public static string Hash(string token) => SecretToken.Hash(token);

    public static string DeviceIdOf(string hash) => hash[..12];

    /// <summary>Characters of the token a list shows, so a dispatcher can match a token to the phone holding it.</summary>
    public const int HintLength = 4;

    /// <summary>
    /// The token's first <see cref="HintLength"/> characters. They are kept, unlike the rest: 24 of its 256 random bits,
    /// which leaves more than enough unknown to anyone who reads the list.
    /// </summary>
    public static string Hint(string token) => token[..HintLength];
}
