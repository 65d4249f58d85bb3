namespace OrleansPortal.Web.Uploads;

/// <summary>
/// Which of the accepted formats an upload claims to be, read from its first bytes; the client's declared content type
/// and file name are never trusted. Only a first gate: a signature proves nothing about the rest of the file, so
/// <see cref="ImageSanitizer"/> decodes and re-encodes whatever passes.
/// </summary>
public static class ImageFormat
{
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
