using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// Reads back what a QR code in SVG holds, as a phone's camera would: the SVG's dark modules (runs drawn as
/// "M x y h w v1 h-w z" in one path over a viewBox of one unit per module) are painted onto a grey image, which ZXing decodes.
/// </summary>
public static partial class QrSvgReader
{
    private const int PixelsPerModule = 4;

    public static string Decode(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups["size"].Value);
        var side = size * PixelsPerModule;
        var pixels = Enumerable.Repeat((byte)255, side * side).ToArray();
        foreach (Match run in Run().Matches(svg))
        {
            var (x, y, width) = (int.Parse(run.Groups["x"].Value), int.Parse(run.Groups["y"].Value), int.Parse(run.Groups["w"].Value));
            for (var row = y * PixelsPerModule; row < (y + 1) * PixelsPerModule; row++)
                Array.Fill(pixels, (byte)0, row * side + x * PixelsPerModule, width * PixelsPerModule);
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, side, side, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true })?.Text
            ?? throw new InvalidOperationException("The SVG holds no readable QR code.");
    }

    [GeneratedRegex("viewBox=\"0 0 (?<size>\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(?<x>\\d+) (?<y>\\d+)h(?<w>\\d+)v1h-\\d+z")]
    private static partial Regex Run();
}
