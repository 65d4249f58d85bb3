namespace OrleansPortal.Web.Chat;

/// <summary>
/// Recognises the image types chat accepts from their first bytes. The file name and the declared content type come
/// from the sender and prove nothing; what is stored and later served is the type found here.
/// </summary>
public static class ImageKind
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 12;

    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"image/jpeg", "image/png" or "image/webp", or null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF) return "image/jpeg";
        if (header.StartsWith(Png)) return "image/png";
        // RIFF container: "RIFF", 4 bytes of size, then the form type "WEBP".
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
