using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// Where the next line of an A4 document goes: a page and a height on it, with a new page whenever something does not
/// fit. Shared by the job report and the payment receipt so both look like the same company's paper.
/// </summary>
internal sealed class PdfPageCursor : IDisposable
{
    public const double Margin = 50;
    private const double FooterHeight = 30;
    private const double LabelColumn = 110;
    private const double MaxPhotoHeight = 340;

    private readonly PdfDocument _document;
    private readonly PdfFonts _fonts;
    private readonly List<XImage> _images = []; // kept open until the document is written
    private PdfPage _page;
    private XGraphics _graphics;
    private double _y;

    public PdfPageCursor(PdfDocument document, PdfFonts fonts)
    {
        (_document, _fonts) = (document, fonts);
        (_page, _graphics) = NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - Margin - FooterHeight;

    public void Space(double points) => _y += points;

    public void HorizontalRule()
    {
        Ensure(8);
        _graphics.DrawLine(PdfFonts.Rule, Margin, _y, Margin + Width, _y);
        _y += 8;
    }

    public void Heading(string text)
    {
        Space(10);
        // A heading never ends a page on its own: it moves with the first line under it.
        Ensure(_fonts.Heading.GetHeight() * 2 + _fonts.Body.GetHeight() * 2);
        Paragraph(text, _fonts.Heading, PdfFonts.Ink);
        Space(4);
    }

    /// <summary>A label in the left column and its value beside it, wrapped within the right column.</summary>
    public void Fact(string label, string value)
    {
        Ensure(_fonts.Body.GetHeight());
        _graphics.DrawString(label, _fonts.Label, PdfFonts.Muted, new XRect(Margin, _y, LabelColumn, _fonts.Label.GetHeight()), XStringFormats.TopLeft);
        Lines(value, _fonts.Body, PdfFonts.Ink, Margin + LabelColumn, Width - LabelColumn);
        _y += 3;
    }

    /// <summary>A line of a table of amounts: the text on the left (wrapped), the amount on the right, on its first line.</summary>
    public void Amount(string text, string amount, XFont font)
    {
        var amountWidth = _graphics.MeasureString(amount, font).Width;
        Ensure(font.GetHeight());
        _graphics.DrawString(amount, font, PdfFonts.Ink, new XRect(Margin, _y, Width, font.GetHeight()), XStringFormats.TopRight);
        Lines(text, font, PdfFonts.Ink, Margin, Width - amountWidth - 12);
        _y += 3;
    }

    public void Paragraph(string text, XFont font, XBrush brush, bool keepWithNext = false)
    {
        if (keepWithNext) Ensure(font.GetHeight() + _fonts.Body.GetHeight() * 2);
        Lines(text, font, brush, Margin, Width);
    }

    /// <summary>The image as large as the width allows (never beyond its own size, nor <see cref="MaxPhotoHeight"/>).</summary>
    public void Image(byte[] bytes)
    {
        var image = XImage.FromStream(new MemoryStream(bytes, writable: false));
        _images.Add(image);
        var scale = Math.Min(1.0, Math.Min(Width / image.PixelWidth, MaxPhotoHeight / image.PixelHeight));
        var (width, height) = (image.PixelWidth * scale, image.PixelHeight * scale);
        Ensure(height + 4);
        _graphics.DrawImage(image, Margin, _y, width, height);
        _y += height + 4;
    }

    public void Dispose()
    {
        _graphics.Dispose();
        foreach (var image in _images) image.Dispose();
    }

    /// <summary>On every page, once the number of pages is known: <paramref name="left"/>, and the page's number on the right.</summary>
    public static void Footers(PdfDocument document, PdfFonts fonts, string left, Func<int, int, string> pageOf)
    {
        var small = fonts.Small.GetHeight();
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var top = page.Height.Point - Margin - small + FooterHeight / 2;
            var line = new XRect(Margin, top, page.Width.Point - 2 * Margin, small);
            graphics.DrawLine(PdfFonts.Rule, line.Left, top - 6, line.Right, top - 6);
            graphics.DrawString(left, fonts.Small, PdfFonts.Muted, line, XStringFormats.TopLeft);
            graphics.DrawString(pageOf(i + 1, document.PageCount), fonts.Small, PdfFonts.Muted, line, XStringFormats.TopRight);
        }
    }

    /// <summary>The document's bytes.</summary>
    public static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void Lines(string text, XFont font, XBrush brush, double x, double width)
    {
        var height = font.GetHeight();
        Ensure(height);
        foreach (var line in TextLines.Wrap(text, width, s => _graphics.MeasureString(s, font).Width))
        {
            Ensure(height);
            _graphics.DrawString(line, font, brush, new XRect(x, _y, width, height), XStringFormats.TopLeft);
            _y += height;
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one (or this one is still empty).</summary>
    private void Ensure(double height)
    {
        if (_y + height <= Bottom || _y == Margin) return;
        _graphics.Dispose();
        (_page, _graphics) = NewPage();
    }

    private (PdfPage, XGraphics) NewPage()
    {
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _y = Margin;
        return (page, XGraphics.FromPdfPage(page));
    }
}
