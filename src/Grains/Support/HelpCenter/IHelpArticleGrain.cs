using Orleans;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// One help center article (key <c>{tenant}:{articleId}</c>) in every language it is written in. Each translation has a
/// draft the team edits and numbered published versions; publishing puts the draft on the public help center as a new
/// version, and rolling back publishes an earlier version's text again as the next one, so history only grows.
/// Argument problems throw <see cref="ArgumentException"/>; an article never created, <see cref="NotFoundException"/>.
/// </summary>
[Alias("op.IHelpArticleGrain")]
public interface IHelpArticleGrain : IGrainWithStringKey
{
    /// <summary>Creates the article with its first draft; the same call again answers the article (a retried create).</summary>
    Task<HelpArticleView> CreateAsync(string categoryId, string language, HelpArticleText text, string by);

    Task<HelpArticleView> GetAsync();

    /// <summary>Saves the draft of <paramref name="language"/> (a new translation when there was none).</summary>
    Task<HelpArticleView> SaveDraftAsync(string language, HelpArticleText text, string by);

    /// <summary>Publishes the draft as the next version; a draft no different from the published version publishes nothing new.</summary>
    Task<HelpArticleView> PublishAsync(string language, string by);

    /// <summary>Publishes version <paramref name="version"/>'s text again as the next version, and makes it the draft.</summary>
    Task<HelpArticleView> RollBackAsync(string language, int version, string by);

    /// <summary>Takes the translation off the public help center; its draft and versions stay.</summary>
    Task<HelpArticleView> UnpublishAsync(string language, string by);

    Task<HelpArticleView> MoveAsync(string categoryId, string by);
}

/// <param name="Summary">Optional: the line under the title and the page's meta description (else the text's start).</param>
[GenerateSerializer, Immutable, Alias("op.HelpArticleText")]
public sealed record HelpArticleText([property: Id(0)] string Title, [property: Id(1)] string? Summary, [property: Id(2)] string Body);

[GenerateSerializer, Immutable, Alias("op.HelpArticleVersion")]
public sealed record HelpArticleVersion(
    [property: Id(0)] int Number, [property: Id(1)] HelpArticleText Text, [property: Id(2)] DateTimeOffset PublishedAt, [property: Id(3)] string PublishedBy);

/// <param name="Published">The version the public help center shows, or null when it shows none.</param>
/// <param name="Slug">The words of the address, fixed at the first publication so links never break.</param>
[GenerateSerializer, Immutable, Alias("op.HelpTranslationView")]
public sealed record HelpTranslationView(
    [property: Id(0)] string Language, [property: Id(1)] HelpArticleText Draft, [property: Id(2)] DateTimeOffset DraftSavedAt, [property: Id(3)] string DraftSavedBy,
    [property: Id(4)] int? Published, [property: Id(5)] string? Slug, [property: Id(6)] IReadOnlyList<HelpArticleVersion> Versions)
{
    /// <summary>The draft differs from what is published (or nothing is).</summary>
    public bool HasUnpublishedChanges => Published is not { } n || Versions.First(v => v.Number == n).Text != Draft;
}

[GenerateSerializer, Immutable, Alias("op.HelpArticleView")]
public sealed record HelpArticleView(
    [property: Id(0)] string ArticleId, [property: Id(1)] string CategoryId, [property: Id(2)] DateTimeOffset CreatedAt, [property: Id(3)] IReadOnlyList<HelpTranslationView> Translations);
