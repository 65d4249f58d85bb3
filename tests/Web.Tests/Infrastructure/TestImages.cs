using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// Real images made with SkiaSharp for the upload tests, and the files a phone or an attacker sends that Skia will not
/// make: a JPEG carrying an EXIF block with a GPS position, a PNG whose header claims a size it does not have. Every
/// picture is blue with a red top-left quarter, so a test can tell which way up it came back.
/// </summary>
public static class TestImages
{
    /// <summary>Where <see cref="WithExif"/> says the photo was taken: 41°8'56.4"N 8°36'21.6"W, a street in Porto.</summary>
    public static readonly (uint Numerator, uint Denominator)[] Latitude = [(41, 1), (8, 1), (564, 10)];

    public static readonly (uint Numerator, uint Denominator)[] Longitude = [(8, 1), (36, 1), (216, 10)];

    public static byte[] Jpeg(int width = 8, int height = 8) => Draw(width, height, SKEncodedImageFormat.Jpeg, transparent: false);

    /// <summary>An opaque PNG (RGB), or with <paramref name="transparent"/> one whose blue part is see-through.</summary>
    public static byte[] Png(int width = 8, int height = 8, bool transparent = false) => Draw(width, height, SKEncodedImageFormat.Png, transparent);

    public static byte[] WebP(int width = 8, int height = 8) => Draw(width, height, SKEncodedImageFormat.Webp, transparent: false);

    /// <summary>The image followed by zero bytes up to <paramref name="length"/>: a real image of a chosen file size (decoders stop at the image's end).</summary>
    public static byte[] PaddedTo(this byte[] image, int length) => [.. image, .. new byte[length - image.Length]];

    /// <summary>
    /// The JPEG with an APP1 "Exif" segment right after its start marker, as a phone camera writes one: the
    /// orientation (1 upright, 6 for a phone held upright, whose sensor stores the picture a quarter turn anticlockwise)
    /// and a GPS position (<see cref="Latitude"/> N, <see cref="Longitude"/> W).
    /// </summary>
    public static byte[] WithExif(this byte[] jpeg, ushort orientation = 1)
    {
        var tiff = ExifTiff(orientation);
        var header = new byte[4];
        header[0] = 0xFF;
        header[1] = 0xE1; // APP1
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(2 + 6 + tiff.Length)); // the length counts itself
        return [.. jpeg[..2], .. header, .. "Exif\0\0"u8, .. tiff, .. jpeg[2..]];
    }

    /// <summary>A 1 x 1 PNG whose header (IHDR, checksum recomputed) claims <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(1, 1);
        // After the 8-byte signature: IHDR's length (4), its type (4), width (4), height (4), 5 more bytes, then a CRC-32
        // of the type and the data.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.HashToUInt32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>The marker bytes of a JPEG's segments before its image data (0xE0 APP0, 0xE1 APP1 where EXIF lives, 0xDB...).</summary>
    public static IReadOnlyList<byte> JpegMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA; at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2)))
            markers.Add(jpeg[at + 1]);
        return markers;
    }

    /// <summary>The bytes decoded by Skia; null when they are not an image it reads.</summary>
    public static SKBitmap? Decode(byte[] bytes) => SKBitmap.Decode(bytes);

    /// <summary>Whether the colour is clearly red (the marked quarter) rather than blue, allowing for JPEG's loss.</summary>
    public static bool IsRed(SKColor color) => color.Red > 180 && color.Blue < 90;

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format, bool transparent)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, red);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    // A little-endian TIFF structure: IFD0 with the orientation and a pointer to the GPS IFD, which holds the version,
    // N/S and E/W references, and latitude and longitude as three rationals each (degrees, minutes, seconds).
    private static byte[] ExifTiff(ushort orientation)
    {
        const int Short = 3, Long = 4, Ascii = 2, Byte = 1, Rational = 5;
        const int GpsIfd = 38, LatitudeAt = 104, LongitudeAt = 128;
        var tiff = new byte[152];
        void U16(int at, int value) => BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)value);
        void U32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), value);
        void Entry(int at, int tag, int type, uint count, uint value) { U16(at, tag); U16(at + 2, type); U32(at + 4, count); U32(at + 8, value); }
        void Rationals(int at, (uint Numerator, uint Denominator)[] values)
        {
            for (var i = 0; i < values.Length; i++) { U32(at + 8 * i, values[i].Numerator); U32(at + 8 * i + 4, values[i].Denominator); }
        }

        "II"u8.CopyTo(tiff);
        U16(2, 42);
        U32(4, 8); // IFD0 follows the header
        U16(8, 2);
        Entry(10, 0x0112, Short, 1, orientation);
        Entry(22, 0x8825, Long, 1, GpsIfd);
        U32(34, 0); // no next IFD
        U16(GpsIfd, 5);
        Entry(40, 0x0000, Byte, 4, 0x0000_0302); // version 2.3.0.0
        Entry(52, 0x0001, Ascii, 2, 'N');
        Entry(64, 0x0002, Rational, 3, LatitudeAt);
        Entry(76, 0x0003, Ascii, 2, 'W');
        Entry(88, 0x0004, Rational, 3, LongitudeAt);
        U32(100, 0);
        Rationals(LatitudeAt, Latitude);
        Rationals(LongitudeAt, Longitude);
        return tiff;
    }
}
