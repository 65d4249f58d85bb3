using Ganss.Xss;
using Markdig;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// An article's Markdown as the help center shows it (Markdig, then HtmlSanitizer) and as the search index reads it
/// (plain text). Raw HTML in the Markdown is shown as text, not markup; the sanitizer is the second line, for anything
/// Markdig's extensions let through (a <c>javascript:</c> link, an attribute).
/// </summary>
public static class HelpMarkdown
{
    /// <summary>How long a page's meta description may be before search engines cut it.</summary>
    public const int DescriptionLength = 160;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>The article's own summary, or the start of its text cut at a word.</summary>
    public static string Description(string? summary, string markdown)
    {
        var text = string.IsNullOrWhiteSpace(summary) ? string.Join(' ', ToPlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : summary.Trim();
        if (text.Length <= DescriptionLength) return text;
        var cut = text.LastIndexOf(' ', DescriptionLength - 1);
        return string.Concat(text.AsSpan(0, cut > DescriptionLength / 2 ? cut : DescriptionLength - 1), "…");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Add("id"); // heading anchors, so a link can point into an article
        // Inline styles (a table column's alignment) are refused by the pages' Content-Security-Policy: drop them here
        // rather than have every reader's browser report them.
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
