namespace OrleansPortal.Web.Hosting;

/// <summary>
/// What an uploaded image really is, read from its first bytes. The client's declared content type and file name are
/// never trusted: the type stored and served back is the one these bytes prove. Job photos, chat images and service
/// request photos all go through here.
/// </summary>
public static class ImageFormat
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to tell every accepted type.</summary>
    public const int HeaderLength = 12;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"image/jpeg", "image/png" or "image/webp"; null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Jpeg)) return "image/jpeg";
        if (bytes.StartsWith(Png)) return "image/png";
        // RIFF container: "RIFF", four bytes of length, then the form type "WEBP".
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
