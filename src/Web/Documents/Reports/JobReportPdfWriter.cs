using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// Lays a job report out on A4 pages with PDFsharp: the company, the title and day, the facts of the visit, the notes in
/// order, the photos with their captions, and on every page a footer with the page number. Pure: no I/O and no grains,
/// so it renders the same for the download and for the email. Needs <see cref="ReportFontResolver"/> installed.
/// </summary>
public static class JobReportPdfWriter
{
    private const double Margin = 50;
    private const double FooterHeight = 30;
    private const double LabelColumn = 110;
    private const double MaxPhotoHeight = 340;

    private static readonly XSolidBrush Ink = new(XColor.FromArgb(34, 34, 34));
    private static readonly XSolidBrush Muted = new(XColor.FromArgb(102, 102, 102));
    private static readonly XPen Rule = new(XColor.FromArgb(200, 200, 200), 0.75);

    public static byte[] Render(JobReportPdfContent content)
    {
        var labels = content.Labels;
        using var document = new PdfDocument();
        document.Info.Title = $"{labels.Title}: {content.JobTitle}";
        document.Info.Author = content.CompanyName;
        document.Info.Creator = "OrleansPortal";

        var fonts = new Fonts();
        using (var page = new PageCursor(document, fonts))
        {
            page.Paragraph(content.CompanyName, fonts.Company, Muted);
            page.Paragraph($"{labels.Title}: {content.JobTitle}", fonts.Title, Ink);
            page.Paragraph(content.Date, fonts.Body, Muted);
            page.Space(6);
            page.HorizontalRule();

            page.Fact(labels.Address, content.Address);
            if (content.Technician is { Length: > 0 } technician) page.Fact(labels.Technician, technician);
            page.Fact(labels.Arrived, content.Arrived);
            page.Fact(labels.Left, content.Left);
            page.Fact(labels.TimeOnSite, content.TimeOnSite);

            page.Heading(labels.Notes);
            if (content.Notes.Count == 0) page.Paragraph(labels.NoNotes, fonts.Body, Muted);
            foreach (var note in content.Notes)
            {
                page.Paragraph(note.Heading, fonts.Small, Muted, keepWithNext: true);
                page.Paragraph(note.Text, fonts.Body, Ink);
                page.Space(6);
            }

            page.Heading(labels.Photos);
            if (content.Photos.Count == 0) page.Paragraph(labels.NoPhotos, fonts.Body, Muted);
            foreach (var photo in content.Photos)
            {
                if (photo.Image is { } bytes) page.Image(bytes);
                else page.Paragraph(labels.PhotoMissing, fonts.Body, Muted);
                if (photo.Caption is { Length: > 0 } caption) page.Paragraph(caption, fonts.Small, Muted);
                page.Space(10);
            }
        }

        // Last, when the number of pages is known.
        var small = fonts.Small.GetHeight();
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var top = page.Height.Point - Margin - small + FooterHeight / 2;
            var line = new XRect(Margin, top, page.Width.Point - 2 * Margin, small);
            graphics.DrawLine(Rule, line.Left, top - 6, line.Right, top - 6);
            graphics.DrawString(content.CompanyName, fonts.Small, Muted, line, XStringFormats.TopLeft);
            graphics.DrawString(labels.Page(i + 1, document.PageCount), fonts.Small, Muted, line, XStringFormats.TopRight);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    // Made for each document: an XFont resolves its typeface when it is made (so after the resolver is installed), and
    // a render never shares PDFsharp objects with another running at the same time.
    private sealed class Fonts
    {
        public readonly XFont Company = new(ReportFontResolver.Family, 11, XFontStyleEx.Bold);
        public readonly XFont Title = new(ReportFontResolver.Family, 17, XFontStyleEx.Bold);
        public readonly XFont Heading = new(ReportFontResolver.Family, 12.5, XFontStyleEx.Bold);
        public readonly XFont Label = new(ReportFontResolver.Family, 10, XFontStyleEx.Bold);
        public readonly XFont Body = new(ReportFontResolver.Family, 10, XFontStyleEx.Regular);
        public readonly XFont Small = new(ReportFontResolver.Family, 8.5, XFontStyleEx.Regular);
    }

    /// <summary>Where the next line goes: a page and a height on it, with a new page whenever something does not fit.</summary>
    private sealed class PageCursor : IDisposable
    {
        private readonly PdfDocument _document;
        private readonly Fonts _fonts;
        private readonly List<XImage> _images = []; // kept open until the document is written
        private PdfPage _page;
        private XGraphics _graphics;
        private double _y;

        public PageCursor(PdfDocument document, Fonts fonts)
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
            _graphics.DrawLine(Rule, Margin, _y, Margin + Width, _y);
            _y += 8;
        }

        public void Heading(string text)
        {
            Space(10);
            // A heading never ends a page on its own: it moves with the first line under it.
            Ensure(_fonts.Heading.GetHeight() * 2 + _fonts.Body.GetHeight() * 2);
            Paragraph(text, _fonts.Heading, Ink);
            Space(4);
        }

        /// <summary>A label in the left column and its value beside it, wrapped within the right column.</summary>
        public void Fact(string label, string value)
        {
            Ensure(_fonts.Body.GetHeight());
            _graphics.DrawString(label, _fonts.Label, Muted, new XRect(Margin, _y, LabelColumn, _fonts.Label.GetHeight()), XStringFormats.TopLeft);
            Lines(value, _fonts.Body, Ink, Margin + LabelColumn, Width - LabelColumn);
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
}
