namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>A published version as the index stores it: its HTML, its description and its search terms, made once at publishing.</summary>
public static class HelpPublications
{
    public static HelpPublication Of(string tenantId, string articleId, string categoryId, string language, string slug, HelpArticleVersion version)
    {
        var lang = HelpLanguages.Get(language);
        var text = version.Text;
        var plain = HelpMarkdown.ToPlainText(text.Body);
        var body = string.IsNullOrEmpty(text.Summary) ? plain : $"{text.Summary}\n{plain}";
        var words = HelpTextAnalyzer.ContentWords($"{text.Title} {body}", lang).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);
        return new HelpPublication(tenantId, articleId, lang.Code, categoryId, slug, version.Number, text.Title,
            HelpMarkdown.Description(text.Summary, text.Body), HelpMarkdown.ToHtml(text.Body),
            HelpTextAnalyzer.Terms(text.Title, lang), HelpTextAnalyzer.Terms(body, lang), words, version.PublishedAt);
    }
}
