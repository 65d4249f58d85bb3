using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Web.Support.HelpCenter;

public sealed record HelpCenterDto(HelpCategoryDto[] Categories, HelpArticleSummaryDto[] Articles, HelpLanguageDto[] Languages);

public sealed record HelpLanguageDto(string Code, string Name, bool RightToLeft);

public sealed record HelpCategoryDto(string CategoryId, string? ParentId, IReadOnlyDictionary<string, string> Names, int Position);

/// <param name="Unpublished">The languages whose draft has changes the public help center does not show yet.</param>
public sealed record HelpArticleSummaryDto(
    string ArticleId, string CategoryId, IReadOnlyDictionary<string, string> Titles, string[] Published, string[] Unpublished, DateTimeOffset UpdatedAt);

public sealed record HelpArticleDto(string ArticleId, string CategoryId, DateTimeOffset CreatedAt, HelpTranslationDto[] Translations);

/// <param name="Published">The version the public help center shows, or null.</param>
/// <param name="PublicPath">The public page's address while a version is published (<see cref="HelpPaths"/>), else null.</param>
public sealed record HelpTranslationDto(
    string Language, HelpTextDto Draft, DateTimeOffset DraftSavedAt, string DraftSavedBy, int? Published, bool HasUnpublishedChanges, HelpVersionDto[] Versions,
    string? PublicPath);

public sealed record HelpTextDto(string Title, string? Summary, string Body);

public sealed record HelpVersionDto(int Number, HelpTextDto Text, DateTimeOffset PublishedAt, string PublishedBy);

/// <param name="Html">Sanitized HTML, as the public article page shows it.</param>
public sealed record HelpPreviewDto(string Html);

public sealed record HelpSearchMissDto(string Language, string Query, long Searches, DateTimeOffset LastAt);

public static class HelpCenterDtos
{
    public static HelpCategoryDto AsDto(this HelpCategory category) => new(category.CategoryId, category.ParentId, category.Names, category.Position);

    public static HelpArticleSummaryDto AsDto(this HelpArticleSummary article) =>
        new(article.ArticleId, article.CategoryId, article.Titles, [.. article.Published], [.. article.Unpublished ?? []], article.UpdatedAt);

    public static HelpArticleDto AsDto(this HelpArticleView article, string tenantId) => new(article.ArticleId, article.CategoryId, article.CreatedAt,
        [.. article.Translations.Select(t => new HelpTranslationDto(t.Language, t.Draft.AsDto(), t.DraftSavedAt, t.DraftSavedBy, t.Published,
            t.HasUnpublishedChanges, [.. t.Versions.Select(v => new HelpVersionDto(v.Number, v.Text.AsDto(), v.PublishedAt, v.PublishedBy))],
            t.Published is not null && t.Slug is { } slug ? HelpPaths.Article(tenantId, t.Language, article.ArticleId, slug) : null))]);

    private static HelpTextDto AsDto(this HelpArticleText text) => new(text.Title, text.Summary, text.Body);
}
