using PdfSharp.Pdf;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// Lays a job report out on A4 pages with PDFsharp: the company, the title and day, the facts of the visit, the notes in
/// order, the photos with their captions, and on every page a footer with the page number. Pure: no I/O and no grains,
/// so it renders the same for the download and for the email. Needs <see cref="ReportFontResolver"/> installed.
/// </summary>
public static class JobReportPdfWriter
{
    public static byte[] Render(JobReportPdfContent content)
    {
        var labels = content.Labels;
        using var document = new PdfDocument();
        document.Info.Title = $"{labels.Title}: {content.JobTitle}";
        document.Info.Author = content.CompanyName;
        document.Info.Creator = "OrleansPortal";

        var fonts = new PdfFonts();
        using (var page = new PdfPageCursor(document, fonts))
        {
            page.Paragraph(content.CompanyName, fonts.Company, PdfFonts.Muted);
            page.Paragraph($"{labels.Title}: {content.JobTitle}", fonts.Title, PdfFonts.Ink);
            page.Paragraph(content.Date, fonts.Body, PdfFonts.Muted);
            page.Space(6);
            page.HorizontalRule();

            page.Fact(labels.Address, content.Address);
            if (content.Technician is { Length: > 0 } technician) page.Fact(labels.Technician, technician);
            page.Fact(labels.Arrived, content.Arrived);
            page.Fact(labels.Left, content.Left);
            page.Fact(labels.TimeOnSite, content.TimeOnSite);

            page.Heading(labels.Notes);
            if (content.Notes.Count == 0) page.Paragraph(labels.NoNotes, fonts.Body, PdfFonts.Muted);
            foreach (var note in content.Notes)
            {
                page.Paragraph(note.Heading, fonts.Small, PdfFonts.Muted, keepWithNext: true);
                page.Paragraph(note.Text, fonts.Body, PdfFonts.Ink);
                page.Space(6);
            }

            page.Heading(labels.Photos);
            if (content.Photos.Count == 0) page.Paragraph(labels.NoPhotos, fonts.Body, PdfFonts.Muted);
            foreach (var photo in content.Photos)
            {
                if (photo.Image is { } bytes) page.Image(bytes);
                else page.Paragraph(labels.PhotoMissing, fonts.Body, PdfFonts.Muted);
                if (photo.Caption is { Length: > 0 } caption) page.Paragraph(caption, fonts.Small, PdfFonts.Muted);
                page.Space(10);
            }
        }

        PdfPageCursor.Footers(document, fonts, content.CompanyName, labels.Page); // last, when the number of pages is known
        return PdfPageCursor.Save(document);
    }
}
