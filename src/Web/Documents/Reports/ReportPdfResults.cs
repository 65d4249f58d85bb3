using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>How both download endpoints (the portal's and the office's) answer with a report's PDF, once access is decided.</summary>
public static class ReportPdfResults
{
    public const string ContentType = "application/pdf";

    /// <summary>Field errors for the optional <c>language</c> query, or null when it is absent or one we write.</summary>
    public static Dictionary<string, string[]>? ValidateLanguage(string? language) =>
        language is null || TemplateLanguage.IsSupported(language)
            ? null
            : new() { ["language"] = [$"The report is written in {string.Join(" or ", TemplateLanguage.All)}."] };

    /// <summary>The 503 for a machine with no font to write PDFs with: a setup problem, not the caller's.</summary>
    public static ProblemHttpResult Unavailable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF reports are not available.",
            detail: "This server has no font to write PDF reports with. The report can still be read on the page.");

    /// <summary>The PDF as an attachment under its own file name.</summary>
    public static FileContentHttpResult File(ReportPdf pdf, HttpContext http)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store"; // the report grows as notes are added: never a stale copy
        return TypedResults.File(pdf.Content, ContentType, pdf.FileName);
    }
}
