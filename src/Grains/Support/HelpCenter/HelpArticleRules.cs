using System.Text;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>What an article's text may be, and the words of its address.</summary>
public static class HelpArticleRules
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 300;
    public const int MaxBody = 50_000;
    public const int MaxSlug = 60;

    /// <summary>What is wrong with <paramref name="text"/>, or null.</summary>
    public static string? Problem(HelpArticleText? text) => text switch
    {
        null => "An article needs a title and a text.",
        { Title: var t } when string.IsNullOrWhiteSpace(t) || t.Trim().Length > MaxTitle => $"The title is 1 to {MaxTitle} characters.",
        { Summary: { } s } when s.Trim().Length > MaxSummary => $"The summary is at most {MaxSummary} characters.",
        { Body: var b } when string.IsNullOrWhiteSpace(b) || b.Length > MaxBody => $"The text is 1 to {MaxBody:N0} characters.",
        _ => null,
    };

    public static HelpArticleText Tidy(HelpArticleText text) =>
        new(text.Title.Trim(), string.IsNullOrWhiteSpace(text.Summary) ? null : text.Summary.Trim(), text.Body.TrimEnd());

    /// <summary>"How to bleed a radiator?" is "how-to-bleed-a-radiator": folded words joined by hyphens, cut at a word.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var word in SearchText.Words(title))
        {
            if (slug.Length + word.Length + 1 > MaxSlug) break;
            if (slug.Length > 0) slug.Append('-');
            slug.Append(word);
        }

        return slug.Length > 0 ? slug.ToString() : "article";
    }
}
