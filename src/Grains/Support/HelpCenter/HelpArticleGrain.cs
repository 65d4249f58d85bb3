using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Support.HelpCenter;

public sealed partial class HelpArticleGrain(
    [PersistentState("help-article")] IPersistentState<HelpArticleState> state,
    IHelpArticleIndex index,
    DomainClock clock,
    ILogger<HelpArticleGrain> logger) : Grain, IHelpArticleGrain
{
    private static readonly TimeSpan RetrySyncAfter = TimeSpan.FromSeconds(5);

    private IGrainTimer? _retry;

    private (string TenantId, string ArticleId) Key => TenantKeys.Split(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.SyncDue) ScheduleSync(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task<HelpArticleView> CreateAsync(string categoryId, string language, HelpArticleText text, string by)
    {
        if (state.State.Created) return View();
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryId);
        var code = HelpLanguages.Get(language).Code;
        var now = clock.GetUtcNow();
        state.State = new HelpArticleState
        {
            CategoryId = categoryId,
            CreatedAt = now,
            Translations = { [code] = new HelpTranslationState { Draft = Checked(text), DraftSavedAt = now, DraftSavedBy = by } },
        };
        // Nothing is published yet, and the company's catalog is told by the help center grain that asked for this one.
        await state.WriteStateAsync();
        return View();
    }

    public Task<HelpArticleView> GetAsync()
    {
        EnsureCreated();
        return Task.FromResult(View());
    }

    public Task<HelpArticleView> SaveDraftAsync(string language, HelpArticleText text, string by)
    {
        EnsureCreated();
        var code = HelpLanguages.Get(language).Code;
        var draft = Checked(text);
        var translation = state.State.Translations.GetValueOrDefault(code) ?? new HelpTranslationState();
        if (translation.Draft == draft && state.State.Translations.ContainsKey(code)) return Task.FromResult(View());
        translation.Draft = draft;
        translation.DraftSavedAt = clock.GetUtcNow();
        translation.DraftSavedBy = by;
        state.State.Translations[code] = translation;
        return StoreAsync();
    }

    public Task<HelpArticleView> PublishAsync(string language, string by)
    {
        var translation = Translation(language);
        var published = translation.Versions.LastOrDefault(v => v.Number == translation.Published);
        if (published is not null && published.Text == translation.Draft) return Task.FromResult(View());
        Publish(translation, translation.Draft, by);
        return StoreAsync();
    }

    public Task<HelpArticleView> RollBackAsync(string language, int version, string by)
    {
        var translation = Translation(language);
        var earlier = translation.Versions.FirstOrDefault(v => v.Number == version)
            ?? throw new ArgumentException($"There is no version {version} of this article in '{language}'.", nameof(version));
        translation.Draft = earlier.Text;
        translation.DraftSavedAt = clock.GetUtcNow();
        translation.DraftSavedBy = by;
        Publish(translation, earlier.Text, by);
        return StoreAsync();
    }

    public Task<HelpArticleView> UnpublishAsync(string language, string by)
    {
        var translation = Translation(language);
        if (translation.Published is null) return Task.FromResult(View());
        translation.Published = null;
        return StoreAsync();
    }

    public Task<HelpArticleView> MoveAsync(string categoryId, string by)
    {
        EnsureCreated();
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryId);
        if (state.State.CategoryId == categoryId) return Task.FromResult(View());
        state.State.CategoryId = categoryId;
        return StoreAsync();
    }

    private void Publish(HelpTranslationState translation, HelpArticleText text, string by)
    {
        var number = translation.Versions.Count == 0 ? 1 : translation.Versions[^1].Number + 1;
        translation.Versions.Add(new HelpArticleVersion(number, text, clock.GetUtcNow(), by));
        translation.Published = number;
        translation.Slug ??= HelpArticleRules.Slug(text.Title);
    }

    /// <summary>The change is stored first (with the mark that the index lags); the index and the catalog follow.</summary>
    private async Task<HelpArticleView> StoreAsync()
    {
        state.State.SyncDue = true;
        await state.WriteStateAsync();
        await SyncAsync();
        return View();
    }

    /// <summary>
    /// Makes the public index and the company's catalog show this article as stored. A store that fails does not fail
    /// the change (it is stored); a timer tries again, as the next activation would.
    /// </summary>
    private async Task SyncAsync()
    {
        if (!state.State.SyncDue) return;
        var (tenantId, articleId) = Key;
        try
        {
            foreach (var (language, translation) in state.State.Translations)
            {
                if (translation.Versions.FirstOrDefault(v => v.Number == translation.Published) is { } version)
                    await index.PublishAsync(HelpPublications.Of(tenantId, articleId, state.State.CategoryId, language, translation.Slug!, version));
                else await index.UnpublishAsync(tenantId, articleId, language);
            }

            await GrainFactory.GetGrain<IHelpCenterGrain>(tenantId).RecordArticleAsync(Summary());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSyncFailed(exception, articleId);
            ScheduleSync(RetrySyncAfter);
            return;
        }

        state.State.SyncDue = false;
        await state.WriteStateAsync();
    }

    private void ScheduleSync(TimeSpan due)
    {
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ => await SyncAsync(), due, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Help article {ArticleId} is stored, but the public help center could not be updated yet; trying again")]
    private partial void LogSyncFailed(Exception exception, string articleId);

    private HelpTranslationState Translation(string language)
    {
        EnsureCreated();
        var code = HelpLanguages.Get(language).Code;
        return state.State.Translations.GetValueOrDefault(code) ?? throw new NotFoundException($"This article has no '{code}' translation.");
    }

    private void EnsureCreated()
    {
        if (!state.State.Created) throw new NotFoundException("No such article.");
    }

    private static HelpArticleText Checked(HelpArticleText text) =>
        HelpArticleRules.Problem(text) is { } problem ? throw new ArgumentException(problem, nameof(text)) : HelpArticleRules.Tidy(text);

    internal HelpArticleSummary Summary() => new(Key.ArticleId, state.State.CategoryId,
        state.State.Translations.ToDictionary(t => t.Key, t => t.Value.Draft.Title),
        [.. state.State.Translations.Where(t => t.Value.Published is not null).Select(t => t.Key).Order(StringComparer.Ordinal)],
        state.State.Translations.Values.Max(t => t.Versions.Count > 0 ? Max(t.DraftSavedAt, t.Versions[^1].PublishedAt) : t.DraftSavedAt),
        [.. View().Translations.Where(t => t.HasUnpublishedChanges).Select(t => t.Language)]);

    private HelpArticleView View() => new(Key.ArticleId, state.State.CategoryId, state.State.CreatedAt,
        [.. state.State.Translations.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new HelpTranslationView(
            t.Key, t.Value.Draft, t.Value.DraftSavedAt, t.Value.DraftSavedBy, t.Value.Published, t.Value.Slug, [.. t.Value.Versions]))]);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
