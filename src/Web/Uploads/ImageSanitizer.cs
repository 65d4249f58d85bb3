using SkiaSharp;

namespace OrleansPortal.Web.Uploads;

/// <summary>
/// Turns uploaded bytes into an image of our own making, or says why it cannot. Every upload path (job report photos from
/// the office, the technician's phone and the customer's service request; chat images) stores what this returns, never
/// the bytes that arrived, so:
/// a file that only starts like an image (a PNG signature, then HTML or SVG) does not decode and is refused;
/// no metadata survives, since the GPS position in a phone photo's EXIF tells everyone who sees it where a customer lives;
/// the EXIF orientation is applied to the pixels before it goes, so a portrait photo stays upright;
/// and a small file that claims huge dimensions (a decompression bomb) is refused from its header, before any pixel is decoded.
/// Skia does all the decoding: nothing here parses the upload beyond <see cref="ImageFormat"/>'s signature check.
/// </summary>
public static class ImageSanitizer
{
    /// <summary>More pixels than this are refused unread: 40 megapixels (160 MB decoded) is more than phone cameras take.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Larger images are scaled down to this longer side: enough for any screen, and the stored files stay small.</summary>
    public const int MaxSide = 2560;

    /// <summary>The longer side of a thumbnail: sharp in a list on a phone's screen, a few kilobytes to send.</summary>
    public const int ThumbnailSide = 320;

    private const int JpegQuality = 85;

    private const string Unreadable = "This is not an image we can read: it is damaged, incomplete or not really a JPEG, PNG or WebP file.";

    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    // A decode takes a core and up to MaxPixels * 4 bytes: one per core at a time, so a burst of uploads waits rather
    // than multiplying the memory.
    private static readonly SemaphoreSlim Decoders = new(Environment.ProcessorCount);

    /// <summary>Reads the whole upload (the caller has already capped its size) and sanitizes it.</summary>
    public static async Task<(CleanImage? Image, string? Problem)> SanitizeAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
        await Decoders.WaitAsync(cancellationToken);
        try
        {
            return Sanitize(bytes);
        }
        finally
        {
            Decoders.Release();
        }
    }

    /// <summary>
    /// A small copy of a stored image (<see cref="ThumbnailSide"/> on its longer side, never larger than the image), made
    /// the way uploads are, under the same bound on decodes at once; null when the bytes do not decode.
    /// </summary>
    public static Task<CleanImage?> ThumbnailAsync(byte[] bytes, CancellationToken cancellationToken) => ScaledAsync(bytes, ThumbnailSide, cancellationToken);

    /// <summary>
    /// A copy of a stored image at most <paramref name="maxSide"/> on its longer side (a report's photos), JPEG or PNG as
    /// uploads are, under the same bound on decodes at once; null when the bytes do not decode.
    /// </summary>
    public static async Task<CleanImage?> ScaledAsync(byte[] bytes, int maxSide, CancellationToken cancellationToken)
    {
        await Decoders.WaitAsync(cancellationToken);
        try
        {
            return Sanitize(bytes, maxSide).Image;
        }
        finally
        {
            Decoders.Release();
        }
    }

    public static (CleanImage? Image, string? Problem) Sanitize(byte[] bytes) => Sanitize(bytes, MaxSide);

    private static (CleanImage? Image, string? Problem) Sanitize(byte[] bytes, int maxSide)
    {
        // The signature check keeps Skia's other decoders (GIF, BMP, ICO, camera raw) out of reach of uploads.
        if (ImageFormat.Detect(bytes) is null) return (null, "Only JPEG, PNG and WebP images are accepted.");
        using var codec = SKCodec.Create(new MemoryStream(bytes, writable: false));
        if (codec is null) return (null, Unreadable);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels)
            return (null, $"The image is {width} x {height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted.");

        using var decoded = Decode(codec, maxSide);
        if (decoded is null) return (null, Unreadable);
        using var upright = Redraw(decoded, codec.EncodedOrigin, maxSide);
        return (Encode(upright), null);
    }

    // JPEG and WebP decode straight to a smaller size when asked (libjpeg by eighths), which spares most of the memory a
    // large photo would take; PNG always decodes whole and is scaled when redrawn.
    private static SKBitmap? Decode(SKCodec codec, int maxSide)
    {
        var longer = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = longer > maxSide ? codec.GetScaledDimensions((float)maxSide / longer) : codec.Info.Size;
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        // Into sRGB: Skia converts from the file's colour profile, so wide-gamut phone photos keep their colours.
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        // Anything short of Success (a truncated or corrupt file decodes partly) is refused rather than stored half grey.
        if (bitmap.GetPixels() != IntPtr.Zero && codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            bitmap.SetImmutable(); // lets the canvas draw from these pixels without copying them
            return bitmap;
        }
        bitmap.Dispose();
        return null;
    }

    /// <summary>The picture upright (the EXIF orientation applied) and at most <paramref name="maxSide"/> long, in a new bitmap.</summary>
    private static SKBitmap Redraw(SKBitmap source, SKEncodedOrigin origin, int maxSide)
    {
        // Orientations 5 to 8 turn the picture a quarter: width and height swap.
        var quarterTurn = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = quarterTurn ? (source.Height, source.Width) : (source.Width, source.Height);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));

        var target = new SKBitmap(source.Info.WithSize(size));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale((float)size.Width / width, (float)size.Height / height);
        var orientation = Orientation(origin, source.Width, source.Height);
        canvas.Concat(in orientation);
        canvas.DrawBitmap(source, SKRect.Create(source.Width, source.Height), Smooth);
        return target;
    }

    // Skia's own SkEncodedOriginToMatrix: maps the stored pixels (w x h) onto the upright picture.
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new(-1, 0, w, 0, 1, 0, 0, 0, 1),     // mirrored left to right
        SKEncodedOrigin.BottomRight => new(-1, 0, w, 0, -1, h, 0, 0, 1), // upside down
        SKEncodedOrigin.BottomLeft => new(1, 0, 0, 0, -1, h, 0, 0, 1),   // mirrored top to bottom
        SKEncodedOrigin.LeftTop => new(0, 1, 0, 1, 0, 0, 0, 0, 1),       // mirrored along the diagonal
        SKEncodedOrigin.RightTop => new(0, -1, h, 1, 0, 0, 0, 0, 1),     // a quarter turn clockwise: a phone held upright
        SKEncodedOrigin.RightBottom => new(0, -1, h, -1, 0, w, 0, 0, 1), // a quarter turn clockwise, mirrored
        SKEncodedOrigin.LeftBottom => new(0, 1, 0, -1, 0, w, 0, 0, 1),   // a quarter turn anticlockwise
        _ => SKMatrix.Identity,
    };

    // Opaque pictures (every camera photo) become JPEG, small at this quality. Pictures with transparency (a logo, a
    // screenshot with see-through corners) become PNG: JPEG has no alpha and would turn the see-through parts black.
    // Skia's encoders write the pixels and nothing else: no EXIF, XMP or comments.
    private static CleanImage Encode(SKBitmap bitmap)
    {
        var opaque = bitmap.AlphaType == SKAlphaType.Opaque;
        using var data = bitmap.Encode(opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, JpegQuality)
            ?? throw new InvalidOperationException("Skia could not encode a decoded image.");
        return new CleanImage(data.ToArray(), opaque ? "image/jpeg" : "image/png");
    }
}
