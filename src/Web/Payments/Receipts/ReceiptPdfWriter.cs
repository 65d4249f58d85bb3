using OrleansPortal.Web.Documents.Reports;
using PdfSharp.Pdf;

namespace OrleansPortal.Web.Payments.Receipts;

/// <summary>
/// Lays a payment receipt out on A4 with PDFsharp, on the same paper as the job report: the company, "Receipt" and the
/// total, the facts of the payment, the invoices it paid with the amount applied to each, and the total. Pure: no I/O.
/// </summary>
public static class ReceiptPdfWriter
{
    public static byte[] Render(ReceiptPdfContent content)
    {
        var labels = content.Labels;
        using var document = new PdfDocument();
        document.Info.Title = $"{labels.Title} {content.Reference}";
        document.Info.Author = content.CompanyName;
        document.Info.Creator = "OrleansPortal";

        var fonts = new PdfFonts();
        using (var page = new PdfPageCursor(document, fonts))
        {
            page.Paragraph(content.CompanyName, fonts.Company, PdfFonts.Muted);
            page.Paragraph($"{labels.Title} · {content.Total}", fonts.Title, PdfFonts.Ink);
            page.Space(6);
            page.HorizontalRule();

            page.Fact(labels.Reference, content.Reference);
            page.Fact(labels.DatePaid, content.DatePaid);
            page.Fact(labels.Method, content.Method);
            page.Fact(labels.PaidBy, content.PaidBy);

            page.Heading(labels.AppliedTo);
            foreach (var line in content.Lines) page.Amount(line.Text, line.Amount, fonts.Body);
            page.HorizontalRule();
            page.Amount(labels.Total, content.Total, fonts.Label);

            page.Space(18);
            page.Paragraph(labels.ThankYou, fonts.Body, PdfFonts.Muted);
        }

        PdfPageCursor.Footers(document, fonts, content.CompanyName, labels.Page);
        return PdfPageCursor.Save(document);
    }
}
