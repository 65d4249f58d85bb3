using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Support.HelpCenter;

[GenerateSerializer, Alias("op.HelpCenterState")]
public sealed class HelpCenterState
{
    [Id(0)] public List<HelpCategory> Categories { get; set; } = [];
    [Id(1)] public Dictionary<string, HelpArticleSummary> Articles { get; set; } = [];
}

public sealed class HelpCenterGrain([PersistentState("help-center")] IPersistentState<HelpCenterState> state) : Grain, IHelpCenterGrain
{
    public const int MaxCategories = 200;
    public const int MaxCategoryName = 80;

    private string TenantId => this.GetPrimaryKeyString();

    public Task<HelpCenterView> GetAsync() => Task.FromResult(View());

    public async Task<HelpCategory> SaveCategoryAsync(HelpCategoryEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var names = CheckedNames(edit.Names);
        var categories = state.State.Categories;
        var existing = edit.CategoryId is { } id ? categories.FindIndex(c => c.CategoryId == id) : -1;
        if (edit.CategoryId is not null && existing < 0) throw new NotFoundException("No such category.");
        if (edit.ParentId is { } parentId)
        {
            var parent = categories.FirstOrDefault(c => c.CategoryId == parentId) ?? throw new ArgumentException("The parent category does not exist.", nameof(edit));
            if (parent.ParentId is not null) throw new ArgumentException("A subcategory cannot hold subcategories.", nameof(edit));
            if (parentId == edit.CategoryId) throw new ArgumentException("A category cannot be its own parent.", nameof(edit));
            if (edit.CategoryId is not null && categories.Any(c => c.ParentId == edit.CategoryId))
                throw new ArgumentException("A category with subcategories cannot become a subcategory.", nameof(edit));
        }

        if (existing < 0 && categories.Count >= MaxCategories) throw new ArgumentException($"A help center has at most {MaxCategories} categories.", nameof(edit));
        var category = new HelpCategory(edit.CategoryId ?? TenantKeys.NewId(), edit.ParentId, names, edit.Position);
        if (existing >= 0) categories[existing] = category;
        else categories.Add(category);
        await state.WriteStateAsync();
        return category;
    }

    public async Task DeleteCategoryAsync(string categoryId)
    {
        var index = state.State.Categories.FindIndex(c => c.CategoryId == categoryId);
        if (index < 0) throw new NotFoundException("No such category.");
        if (state.State.Categories.Any(c => c.ParentId == categoryId)) throw new ConflictException("The category has subcategories: move or remove them first.");
        if (state.State.Articles.Values.Any(a => a.CategoryId == categoryId)) throw new ConflictException("The category holds articles: move them first.");
        state.State.Categories.RemoveAt(index);
        await state.WriteStateAsync();
    }

    public async Task<HelpArticleView> CreateArticleAsync(string categoryId, string language, HelpArticleText text, string by)
    {
        if (state.State.Categories.All(c => c.CategoryId != categoryId)) throw new ArgumentException("The category does not exist.", nameof(categoryId));
        var articleId = TenantKeys.NewId();
        var article = await GrainFactory.GetGrain<IHelpArticleGrain>(TenantKeys.For(TenantId, articleId)).CreateAsync(categoryId, language, text, by);
        await RecordArticleAsync(new HelpArticleSummary(articleId, categoryId, article.Translations.ToDictionary(t => t.Language, t => t.Draft.Title), [], article.CreatedAt,
            [.. article.Translations.Select(t => t.Language)]));
        return article;
    }

    public async Task RecordArticleAsync(HelpArticleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        // A report overtaken by a newer one (a retry after a later change) changes nothing.
        if (state.State.Articles.TryGetValue(summary.ArticleId, out var known) && known.UpdatedAt > summary.UpdatedAt) return;
        state.State.Articles[summary.ArticleId] = summary;
        await state.WriteStateAsync();
    }

    private static Dictionary<string, string> CheckedNames(IReadOnlyDictionary<string, string>? names)
    {
        if (names is null || names.Count == 0) throw new ArgumentException("A category needs a name.", nameof(names));
        var checkedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, name) in names)
        {
            if (!HelpLanguages.IsSupported(language)) throw new ArgumentException($"'{language}' is not a help center language.", nameof(names));
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxCategoryName)
                throw new ArgumentException($"A category's name is 1 to {MaxCategoryName} characters.", nameof(names));
            checkedNames[HelpLanguages.Get(language).Code] = name.Trim();
        }

        return checkedNames;
    }

    private HelpCenterView View() => new(
        [.. state.State.Categories.OrderBy(c => c.Position).ThenBy(c => c.NameIn(HelpLanguages.Default), StringComparer.CurrentCulture)],
        [.. state.State.Articles.Values.OrderByDescending(a => a.UpdatedAt)]);
}
