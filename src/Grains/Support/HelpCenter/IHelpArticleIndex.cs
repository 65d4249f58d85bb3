namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// The published help center, as its public pages and its search read it: one row per article and language (tables
/// <c>help_articles</c>, <c>help_words</c>, migration 0011). Article grains write it; pages never activate a grain per article.
/// </summary>
public interface IHelpArticleIndex
{
    /// <summary>Puts the publication on the help center (replacing an older version of the same translation).</summary>
    Task PublishAsync(HelpPublication publication, CancellationToken cancellationToken = default);

    Task UnpublishAsync(string tenantId, string articleId, string language, CancellationToken cancellationToken = default);

    Task<HelpArticlePage?> GetAsync(string tenantId, string articleId, string language, CancellationToken cancellationToken = default);

    /// <summary>The languages <paramref name="articleId"/> is published in, with its address words in each.</summary>
    Task<IReadOnlyList<HelpArticleListing>> TranslationsAsync(string tenantId, string articleId, CancellationToken cancellationToken = default);

    /// <summary>The published articles of a language, by title; with <paramref name="categoryIds"/>, only theirs.</summary>
    Task<IReadOnlyList<HelpArticleListing>> ListAsync(string tenantId, string language, IReadOnlyCollection<string>? categoryIds, int limit, CancellationToken cancellationToken = default);

    /// <summary>The most read articles of a language.</summary>
    Task<IReadOnlyList<HelpArticleListing>> PopularAsync(string tenantId, string language, int limit, CancellationToken cancellationToken = default);

    /// <summary>The languages the company has published articles in.</summary>
    Task<IReadOnlyList<string>> LanguagesAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Every published translation of the company, for its sitemap.</summary>
    Task<IReadOnlyList<HelpArticleListing>> AllAsync(string tenantId, CancellationToken cancellationToken = default);

    Task CountViewAsync(string tenantId, string articleId, string language, CancellationToken cancellationToken = default);

    /// <summary>Counts a "Was this helpful?" answer; false when the translation is not published.</summary>
    Task<bool> VoteAsync(string tenantId, string articleId, string language, bool helpful, CancellationToken cancellationToken = default);
}

/// <param name="TitleTerms">The title's index terms (<see cref="HelpTextAnalyzer.Terms"/>).</param>
/// <param name="Words">The article's words (folded, not stemmed), which misspelt searches are corrected to.</param>
public sealed record HelpPublication(
    string TenantId, string ArticleId, string Language, string CategoryId, string Slug, int Version, string Title, string Description, string Html,
    string TitleTerms, string BodyTerms, IReadOnlyCollection<string> Words, DateTimeOffset PublishedAt);

public sealed record HelpArticleListing(
    string ArticleId, string Language, string CategoryId, string Slug, string Title, string Description, DateTimeOffset PublishedAt, long Views);

public sealed record HelpArticlePage(HelpArticleListing Listing, int Version, string Html, long Helpful, long Unhelpful);
