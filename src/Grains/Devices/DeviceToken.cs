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
}
