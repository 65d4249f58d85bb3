using PdfSharp.Drawing;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// The fonts of our PDFs (reports, receipts). Made for each document: an XFont resolves its typeface when it is made (so
/// after <see cref="ReportFontResolver"/> is installed), and a render never shares PDFsharp objects with another.
/// </summary>
internal sealed class PdfFonts
{
    public readonly XFont Company = new(ReportFontResolver.Family, 11, XFontStyleEx.Bold);
    public readonly XFont Title = new(ReportFontResolver.Family, 17, XFontStyleEx.Bold);
    public readonly XFont Heading = new(ReportFontResolver.Family, 12.5, XFontStyleEx.Bold);
    public readonly XFont Label = new(ReportFontResolver.Family, 10, XFontStyleEx.Bold);
    public readonly XFont Body = new(ReportFontResolver.Family, 10, XFontStyleEx.Regular);
    public readonly XFont Small = new(ReportFontResolver.Family, 8.5, XFontStyleEx.Regular);

    public static readonly XSolidBrush Ink = new(XColor.FromArgb(34, 34, 34));
    public static readonly XSolidBrush Muted = new(XColor.FromArgb(102, 102, 102));
    public static readonly XPen Rule = new(XColor.FromArgb(200, 200, 200), 0.75);
}
