using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support.HelpCenter;

/// <summary>The help center's search, run once per database by the sealed subclasses, on <see cref="HelpRelevanceSet"/>.</summary>
public abstract class HelpSearchTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly string _tenant = "tenant-" + TenantKeys.NewId();
    private PortalDatabase _tables = null!;
    private HelpArticleIndex _index = null!;
    private HelpSearch _search = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _index = new HelpArticleIndex(_tables);
        _search = new HelpSearch(_tables);
        foreach (var article in HelpRelevanceSet.Articles) await _index.PublishAsync(HelpRelevanceSet.Publication(_tenant, article));
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    public static TheoryData<string, string, string> Queries()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (language, query, expected) in HelpRelevanceSet.Queries) data.Add(language, query, expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EachSearch_FindsItsArticleFirst(string language, string query, string expected)
    {
        var result = await _search.SearchAsync(_tenant, language, query, 5);

        Assert.Equal(expected, result.Hits.FirstOrDefault()?.ArticleId);
        Assert.All(result.Hits, h => Assert.Equal(language, h.Language));
    }

    [Fact]
    public async Task AMisspeltWord_IsSearchedAsTheCompanysWord_AndTheAnswerSaysSo()
    {
        var result = await _search.SearchAsync(_tenant, "en", "thermostta", 5);

        Assert.Equal("thermostat", result.Corrections["thermostta"]);
        Assert.Equal("thermostat", result.Hits[0].ArticleId);
    }

    [Fact]
    public async Task AnotherCompany_AndAnotherLanguage_FindNothingOfTheseArticles()
    {
        Assert.Empty((await _search.SearchAsync("tenant-" + TenantKeys.NewId(), "en", "bleed radiator", 5)).Hits);
        Assert.DoesNotContain((await _search.SearchAsync(_tenant, "pt", "bleed radiator", 5)).Hits, h => h.ArticleId == "bleed");
        Assert.Empty((await _search.SearchAsync(_tenant, "en", "the and of", 5)).Hits); // stop words only
        Assert.Empty((await _search.SearchAsync(_tenant, "en", "xylophone quartz", 5)).Hits);
    }

    [Fact]
    public async Task AnUnpublishedArticle_IsNotFound_AndANewVersionIsSearchedByItsNewWords()
    {
        await _index.UnpublishAsync(_tenant, "bleed", "en");
        var tap = HelpRelevanceSet.Articles.Single(a => a.Id == "tap");
        var changed = HelpRelevanceSet.Publication(_tenant, tap with { Body = "Replace the cartridge of a mixer faucet." }) with { Version = 2 };
        await _index.PublishAsync(changed);
        await _index.PublishAsync(HelpRelevanceSet.Publication(_tenant, tap)); // version 1 reported late changes nothing

        Assert.DoesNotContain((await _search.SearchAsync(_tenant, "en", "bleed radiator", 5)).Hits, h => h.ArticleId == "bleed");
        Assert.Equal("tap", (await _search.SearchAsync(_tenant, "en", "faucet cartridge", 5)).Hits[0].ArticleId);
        Assert.Equal(2, (await _index.GetAsync(_tenant, "tap", "en"))!.Version);
    }

    [Fact]
    public async Task SearchesThatFoundNothing_AreCountedForTheTeam_MostFrequentFirst()
    {
        await _search.RecordMissAsync(_tenant, "en", "Solar  PANELS", T0);
        await _search.RecordMissAsync(_tenant, "en", "solar panels", T0.AddMinutes(1));
        await _search.RecordMissAsync(_tenant, "pt", "painéis solares", T0.AddMinutes(2));
        await _search.RecordMissAsync("tenant-" + TenantKeys.NewId(), "en", "solar panels", T0);

        var misses = await _search.MissesAsync(_tenant, 10);

        Assert.Equal([("en", "solar panels", 2L), ("pt", "paineis solares", 1L)], misses.Select(m => (m.Language, m.Query, m.Searches)));
        Assert.Equal(T0.AddMinutes(1), misses[0].LastAt);
    }

    [Fact]
    public async Task ViewsAndVotes_Count_AndPopularArticlesAreTheMostRead()
    {
        for (var i = 0; i < 3; i++) await _index.CountViewAsync(_tenant, "invoice", "en");
        await _index.CountViewAsync(_tenant, "tap", "en");
        Assert.True(await _index.VoteAsync(_tenant, "invoice", "en", helpful: true));
        Assert.True(await _index.VoteAsync(_tenant, "invoice", "en", helpful: false));
        Assert.False(await _index.VoteAsync(_tenant, "nothing", "en", helpful: true));

        var popular = await _index.PopularAsync(_tenant, "en", 2);
        var page = (await _index.GetAsync(_tenant, "invoice", "en"))!;

        Assert.Equal(["invoice", "tap"], popular.Select(p => p.ArticleId));
        Assert.Equal((3L, 1L, 1L), (page.Listing.Views, page.Helpful, page.Unhelpful));
    }
}

public sealed class PostgresHelpSearchTests(PostgresHistoryDatabase database) : HelpSearchTests(database), IClassFixture<PostgresHistoryDatabase>;

public sealed class SqliteHelpSearchTests(SqliteHistoryDatabase database) : HelpSearchTests(database), IClassFixture<SqliteHistoryDatabase>;
