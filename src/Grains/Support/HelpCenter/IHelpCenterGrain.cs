using Orleans;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// A company's help center (key: the tenant id): its categories (two levels: categories and their subcategories, named
/// per language) and the catalog of its articles, drafts included, as the team's list shows them. The articles
/// themselves are <see cref="IHelpArticleGrain"/>s; what the public reads is <see cref="IHelpArticleIndex"/>.
/// </summary>
[Alias("op.IHelpCenterGrain")]
public interface IHelpCenterGrain : IGrainWithStringKey
{
    Task<HelpCenterView> GetAsync();

    /// <summary>
    /// Adds a category (<see cref="HelpCategoryEdit.CategoryId"/> null) or changes one. A subcategory's parent is a
    /// top-level category. <see cref="ArgumentException"/> for names or a parent that are not right,
    /// <see cref="NotFoundException"/> for an unknown category.
    /// </summary>
    Task<HelpCategory> SaveCategoryAsync(HelpCategoryEdit edit);

    /// <summary>Removes an empty category; <see cref="ConflictException"/> while it holds articles or subcategories.</summary>
    Task DeleteCategoryAsync(string categoryId);

    /// <summary>Creates an article in a category with its first draft (unpublished).</summary>
    Task<HelpArticleView> CreateArticleAsync(string categoryId, string language, HelpArticleText text, string by);

    /// <summary>An article grain's report of itself after a change; kept in the catalog.</summary>
    Task RecordArticleAsync(HelpArticleSummary summary);
}

/// <param name="Names">The category's name by language code; at least one.</param>
[GenerateSerializer, Immutable, Alias("op.HelpCategory")]
public sealed record HelpCategory(
    [property: Id(0)] string CategoryId, [property: Id(1)] string? ParentId, [property: Id(2)] IReadOnlyDictionary<string, string> Names, [property: Id(3)] int Position)
{
    /// <summary>The name in <paramref name="language"/>, else in English, else in any language it has.</summary>
    public string NameIn(string language) =>
        Names.GetValueOrDefault(language) ?? Names.GetValueOrDefault(HelpLanguages.Default) ?? Names.OrderBy(n => n.Key, StringComparer.Ordinal).First().Value;
}

[GenerateSerializer, Immutable, Alias("op.HelpCategoryEdit")]
public sealed record HelpCategoryEdit(
    [property: Id(0)] string? CategoryId, [property: Id(1)] string? ParentId, [property: Id(2)] IReadOnlyDictionary<string, string> Names, [property: Id(3)] int Position);

/// <param name="Titles">The draft's title by language.</param>
/// <param name="Published">The languages the public help center shows it in.</param>
/// <param name="Unpublished">
/// The languages whose draft differs from what is published (or that have nothing published); null in a catalog stored
/// before this was kept, until the article next changes.
/// </param>
[GenerateSerializer, Immutable, Alias("op.HelpArticleSummary")]
public sealed record HelpArticleSummary(
    [property: Id(0)] string ArticleId, [property: Id(1)] string CategoryId, [property: Id(2)] IReadOnlyDictionary<string, string> Titles,
    [property: Id(3)] IReadOnlyList<string> Published, [property: Id(4)] DateTimeOffset UpdatedAt, [property: Id(5)] IReadOnlyList<string>? Unpublished = null);

[GenerateSerializer, Immutable, Alias("op.HelpCenterView")]
public sealed record HelpCenterView([property: Id(0)] IReadOnlyList<HelpCategory> Categories, [property: Id(1)] IReadOnlyList<HelpArticleSummary> Articles);
