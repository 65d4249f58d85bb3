using UglyToad.PdfPig;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>A PDF as PdfPig reads it: each page's words joined by single spaces, and how many images each page shows.</summary>
public sealed record PdfText(IReadOnlyList<string> Pages, IReadOnlyList<int> ImagesPerPage)
{
    /// <summary>Every page's text, in order.</summary>
    public string All => string.Join(" ", Pages);

    /// <summary>Throws when the bytes are not a PDF PdfPig can open.</summary>
    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        return new PdfText([.. pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))], [.. pages.Select(p => p.GetImages().Count())]);
    }
}
