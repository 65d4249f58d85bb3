using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Fakes;

/// <summary>
/// What a browser does with a push's body: the aes128gcm content coding (RFC 8188) with the key derived as Message
/// Encryption for Web Push says (RFC 8291), from the subscription's private key and auth secret.
/// </summary>
internal static class FakePushDecryption
{
    private const int SaltLength = 16;
    private const int PointLength = 65;
    private const int TagLength = 16;

    /// <summary>The plaintext, or why the body cannot be a push for this subscription.</summary>
    public static (byte[]? Plaintext, string? Problem) Decrypt(byte[] body, FakePushSubscription subscription)
    {
        // The header (RFC 8188 section 2.1): salt, record size, key id length, key id: here the sender's ephemeral public key.
        if (body.Length < SaltLength + 4 + 1) return (null, "the body is shorter than an aes128gcm header");
        var salt = body.AsSpan(0, SaltLength).ToArray();
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(SaltLength, 4));
        var keyIdLength = body[SaltLength + 4];
        if (keyIdLength != PointLength) return (null, $"the key id is {keyIdLength} bytes, not the sender's 65-byte public key (RFC 8291 section 4)");
        var start = SaltLength + 4 + 1 + PointLength;
        if (body.Length < start + TagLength + 1) return (null, "the body holds no record");
        var senderPoint = body.AsSpan(SaltLength + 5, PointLength).ToArray();
        if (senderPoint[0] != 0x04) return (null, "the key id is not an uncompressed P-256 point");
        var record = body.AsSpan(start).ToArray();
        if (recordSize < 18) return (null, $"the record size {recordSize} is under the minimum of 18");
        if (record.Length > recordSize) return (null, "the message spans more than one record (RFC 8291 allows one)");

        byte[] sharedSecret;
        try
        {
            using var sender = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = senderPoint[1..33], Y = senderPoint[33..] },
            });
            sharedSecret = subscription.Key.DeriveRawSecretAgreement(sender.PublicKey);
        }
        catch (CryptographicException)
        {
            return (null, "the sender's key is not a point on P-256");
        }

        // RFC 8291 section 3.4: the input keying material mixes the ECDH secret with the auth secret and both public keys.
        var receiver = subscription.Key.PublicKey.ExportParameters().Q;
        byte[] receiverPoint = [0x04, .. receiver.X!, .. receiver.Y!];
        byte[] keyInfo = [.. "WebPush: info"u8, 0x00, .. receiverPoint, .. senderPoint];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, subscription.AuthSecret, keyInfo);
        // RFC 8188 section 2.2 and 2.3: the content encryption key and the nonce from the salt.
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, [.. Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm"), 0x00]);
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, [.. Encoding.ASCII.GetBytes("Content-Encoding: nonce"), 0x00]);

        var padded = new byte[record.Length - TagLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(nonce, record.AsSpan(0, padded.Length), record.AsSpan(padded.Length), padded); // the one record is number 0: the nonce as derived
        }
        catch (AuthenticationTagMismatchException)
        {
            return (null, "the record does not decrypt with this subscription's keys");
        }

        // Padding: the data, a delimiter (2 for the last record), then zeros.
        var end = padded.Length - 1;
        while (end >= 0 && padded[end] == 0) end--;
        if (end < 0 || padded[end] != 0x02) return (null, "the record lacks the last record's delimiter (0x02)");
        return (padded[..end], null);
    }
}
