using Ganss.Xss;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Cleans the HTML a company's template produced: no scripts, no event handlers, no forms or frames (HtmlSanitizer's
/// defaults), and links and images only to absolute http, https or mailto addresses: a relative address means nothing
/// in a mailbox, and any other scheme is a way to run something.
/// </summary>
internal static class EmailSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Clean(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && sanitizer.AllowedSchemes.Contains(absolute.Scheme)))
                e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}
