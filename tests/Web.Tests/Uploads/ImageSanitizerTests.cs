using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Uploads;
using SkiaSharp;

namespace OrleansPortal.Web.Tests.Uploads;

/// <summary>What comes out of <see cref="ImageSanitizer"/>: which way up, how large, which format, or why nothing does.</summary>
public sealed class ImageSanitizerTests
{
    // A 40 x 20 picture whose red quarter is top-left as stored; the EXIF orientation says where that corner is seen.
    [Theory]
    [InlineData(1, 40, 20, "top left")]
    [InlineData(2, 40, 20, "top right")]     // mirrored
    [InlineData(3, 40, 20, "bottom right")]  // upside down
    [InlineData(4, 40, 20, "bottom left")]   // mirrored top to bottom
    [InlineData(5, 20, 40, "top left")]      // mirrored along the diagonal
    [InlineData(6, 20, 40, "top right")]     // a phone held upright
    [InlineData(7, 20, 40, "bottom right")]
    [InlineData(8, 20, 40, "bottom left")]   // a phone held upside down, then turned
    public void ExifOrientation_IsAppliedToThePixels(ushort orientation, int width, int height, string redCorner)
    {
        var (image, problem) = ImageSanitizer.Sanitize(TestImages.Jpeg(40, 20).WithExif(orientation));

        Assert.Null(problem);
        using var upright = TestImages.Decode(image!.Bytes)!;
        Assert.Equal((width, height), (upright.Width, upright.Height));
        var corners = new Dictionary<string, SKColor>
        {
            ["top left"] = upright.GetPixel(width / 4, height / 4),
            ["top right"] = upright.GetPixel(width * 3 / 4, height / 4),
            ["bottom left"] = upright.GetPixel(width / 4, height * 3 / 4),
            ["bottom right"] = upright.GetPixel(width * 3 / 4, height * 3 / 4),
        };
        Assert.Equal([redCorner], corners.Where(c => TestImages.IsRed(c.Value)).Select(c => c.Key));
    }

    [Fact]
    public void Photos_BecomeJpeg_AndTransparentPicturesStayPng()
    {
        var photo = ImageSanitizer.Sanitize(TestImages.Png(8, 8)).Image!;
        var logo = ImageSanitizer.Sanitize(TestImages.Png(8, 8, transparent: true)).Image!;
        var webp = ImageSanitizer.Sanitize(TestImages.WebP(8, 8)).Image!;

        Assert.Equal(("image/jpeg", "image/png", "image/jpeg"), (photo.ContentType, logo.ContentType, webp.ContentType));
        using var decoded = TestImages.Decode(logo.Bytes)!;
        Assert.Equal(0, decoded.GetPixel(6, 6).Alpha); // the see-through part is still see-through
    }

    [Fact]
    public void LargeImages_AreScaledDownToTheMaximumSide()
    {
        var (image, _) = ImageSanitizer.Sanitize(TestImages.Jpeg(3000, 1500));

        using var decoded = TestImages.Decode(image!.Bytes)!;
        Assert.Equal((ImageSanitizer.MaxSide, ImageSanitizer.MaxSide / 2), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void DamagedOrFakeImages_AreRefusedWithAReason()
    {
        var jpeg = TestImages.Jpeg(64, 64);

        Assert.Contains("Only JPEG, PNG and WebP", ImageSanitizer.Sanitize("GIF89a"u8.ToArray()).Problem);
        Assert.Contains("not an image we can read", ImageSanitizer.Sanitize(jpeg[..(jpeg.Length / 2)]).Problem);
        Assert.Contains("not an image we can read", ImageSanitizer.Sanitize([.. TestImages.Png()[..8], .. "<svg onload=alert(1)>"u8]).Problem);
        Assert.Contains("30000 x 30000 pixels", ImageSanitizer.Sanitize(TestImages.PngClaiming(30_000, 30_000)).Problem);
    }
}
