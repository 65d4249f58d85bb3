using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// The job report as one self-contained, printable HTML file: photos are embedded as data URIs so the file still shows
/// them offline, years later. Every text from people (notes, captions, addresses) is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    public static string Render(JobReportDto report, string companyName, IReadOnlyDictionary<string, byte[]> photoBytes)
    {
        static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
        static string When(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Job report</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{color:#666}dd{margin:0}")
            .Append(".note{white-space:pre-wrap;border-left:3px solid #ccc;padding-left:.6rem;margin:.6rem 0}")
            .Append("figure{margin:1rem 0;break-inside:avoid}img{max-width:100%}figcaption{color:#666}")
            .Append("</style></head><body>");
        html.Append("<h1>Job report</h1><p>").Append(E(companyName)).Append("</p>");
        html.Append("<dl><dt>Job</dt><dd>").Append(E(report.Description)).Append("</dd>")
            .Append("<dt>Address</dt><dd>").Append(E(report.Address)).Append("</dd>")
            .Append("<dt>Status</dt><dd>").Append(E(report.Status)).Append("</dd>")
            .Append("<dt>Arrived</dt><dd>").Append(When(report.Arrived)).Append("</dd>")
            .Append("<dt>Departed</dt><dd>").Append(When(report.Departed)).Append("</dd>")
            .Append("<dt>Time on site</dt><dd>").Append(report.MinutesOnSite is { } m ? $"{m.ToString("0", CultureInfo.InvariantCulture)} min" : "—").Append("</dd></dl>");
        html.Append("<h2>Notes</h2>");
        if (report.Notes.Count == 0) html.Append("<p>No notes.</p>");
        foreach (var note in report.Notes)
            html.Append("<p class=\"note\"><small>").Append(When(note.At)).Append(" · ").Append(E(note.Author)).Append("</small><br>").Append(E(note.Text)).Append("</p>");
        html.Append("<h2>Photos</h2>");
        if (report.Photos.Count == 0) html.Append("<p>No photos.</p>");
        foreach (var photo in report.Photos)
        {
            if (!photoBytes.TryGetValue(photo.Id, out var bytes)) continue;
            html.Append("<figure><img alt=\"").Append(E(photo.Caption ?? "Job photo")).Append("\" src=\"data:").Append(photo.ContentType).Append(";base64,")
                .Append(Convert.ToBase64String(bytes)).Append("\"><figcaption>").Append(E(photo.Caption)).Append("</figcaption></figure>");
        }
        return html.Append("</body></html>").ToString();
    }
}
