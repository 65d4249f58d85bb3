using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OrleansPortal.Grains;

namespace OrleansPortal.Web.Tracking;

/// <summary>
/// The SHA-256 of a device token as a value, so this node can look a token up on every ping without allocating;
/// <see cref="ToHex"/> is the same text as <see cref="SecretToken.Hash"/>, the key of the token's grain.
/// </summary>
public readonly record struct TokenHash(UInt128 High, UInt128 Low)
{
    private const int StackLimit = 256;

    public static TokenHash Of(string token)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = maxBytes > StackLimit ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackLimit];
            var length = Encoding.UTF8.GetBytes(token, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], hash);
            return new TokenHash(BinaryPrimitives.ReadUInt128BigEndian(hash), BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public string ToHex()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt128BigEndian(hash, High);
        BinaryPrimitives.WriteUInt128BigEndian(hash[16..], Low);
        return Convert.ToHexStringLower(hash);
    }

    // A hash is not a secret, but there is no reason to print one either.
    public override string ToString() => "TokenHash";
}
