using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support.HelpCenter;

/// <summary>A help center's categories and an article's life: drafts, versions, rollback and taking it down, as the public index and the team's catalog see them.</summary>
public sealed class HelpArticleGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private const string Ana = "ana@acme.test";
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private IHelpCenterGrain Center => cluster.Client.GetGrain<IHelpCenterGrain>(_tenant);

    private IHelpArticleIndex Index => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IHelpArticleIndex>();

    private IHelpArticleGrain Article(string id) => cluster.Client.GetGrain<IHelpArticleGrain>(TenantKeys.For(_tenant, id));

    [Fact]
    public async Task ADraft_IsNotPublic_UntilPublished_AndEachPublicationIsANewVersion()
    {
        var category = await Center.SaveCategoryAsync(new HelpCategoryEdit(null, null, Names("Heating"), 0));
        var created = await Center.CreateArticleAsync(category.CategoryId, "en", new HelpArticleText("  Bleed a radiator ", null, "Open the valve."), Ana);
        var article = Article(created.ArticleId);

        Assert.Null(await Index.GetAsync(_tenant, created.ArticleId, "en"));
        var first = await article.PublishAsync("en", Ana);
        await article.SaveDraftAsync("en", new HelpArticleText("Bleed a radiator", "Air at the top.", "Open the valve a quarter turn."), Ana);
        var draftOnly = (await Index.GetAsync(_tenant, created.ArticleId, "en"))!;
        var second = await article.PublishAsync("en", Ana);
        var again = await article.PublishAsync("en", Ana); // nothing changed: no third version

        Assert.Equal(("Bleed a radiator", 1, "bleed-a-radiator"), (first.Translations[0].Draft.Title, first.Translations[0].Published, first.Translations[0].Slug));
        Assert.Equal((1, "<p>Open the valve.</p>"), (draftOnly.Version, draftOnly.Html.Trim()));
        Assert.Equal((2, 2), (second.Translations[0].Published, again.Translations[0].Versions.Count));
        var page = (await Index.GetAsync(_tenant, created.ArticleId, "en"))!;
        Assert.Equal((2, "Air at the top.", "bleed-a-radiator"), (page.Version, page.Listing.Description, page.Listing.Slug));
        var listed = (await Center.GetAsync()).Articles.Single();
        Assert.Equal((created.ArticleId, "Bleed a radiator"), (listed.ArticleId, listed.Titles["en"]));
        Assert.Equal(["en"], listed.Published);
    }

    [Fact]
    public async Task ARollback_PublishesTheEarlierText_AsTheNextVersion_AndUnpublishingTakesOnlyThatLanguageDown()
    {
        var category = await Center.SaveCategoryAsync(new HelpCategoryEdit(null, null, Names("Irrigation", "Rega"), 0));
        var created = await Center.CreateArticleAsync(category.CategoryId, "en", new HelpArticleText("Controller shows E2", null, "Check the valve."), Ana);
        var article = Article(created.ArticleId);
        await article.PublishAsync("en", Ana);
        await article.SaveDraftAsync("en", new HelpArticleText("Controller shows E2", null, "Call us."), Ana);
        await article.PublishAsync("en", Ana);
        await article.SaveDraftAsync("pt", new HelpArticleText("O programador mostra E2", null, "Verifique a válvula."), Ana);
        await article.PublishAsync("pt", Ana);

        var rolledBack = await article.RollBackAsync("en", 1, Ana);
        var down = await article.UnpublishAsync("pt", Ana);

        var en = rolledBack.Translations.Single(t => t.Language == "en");
        Assert.Equal((3, "Check the valve.", false), (en.Published, en.Draft.Body, en.HasUnpublishedChanges));
        Assert.Equal([1, 2, 3], en.Versions.Select(v => v.Number));
        Assert.Contains("Check the valve.", (await Index.GetAsync(_tenant, created.ArticleId, "en"))!.Html);
        Assert.Null(await Index.GetAsync(_tenant, created.ArticleId, "pt"));
        Assert.Null(down.Translations.Single(t => t.Language == "pt").Published);
        await Assert.ThrowsAsync<ArgumentException>(() => article.RollBackAsync("en", 9, Ana));
        await Assert.ThrowsAsync<NotFoundException>(() => article.PublishAsync("fr", Ana));
        Assert.Equal(["en"], (await Center.GetAsync()).Articles.Single().Published);
    }

    [Fact]
    public async Task Categories_HaveTwoLevels_AndOnlyAnEmptyOneIsRemoved()
    {
        var top = await Center.SaveCategoryAsync(new HelpCategoryEdit(null, null, Names("Heating"), 0));
        var sub = await Center.SaveCategoryAsync(new HelpCategoryEdit(null, top.CategoryId, Names("Boilers"), 0));
        await Assert.ThrowsAsync<ArgumentException>(() => Center.SaveCategoryAsync(new HelpCategoryEdit(null, sub.CategoryId, Names("Too deep"), 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => Center.SaveCategoryAsync(new HelpCategoryEdit(null, null, Names("x", lang: "xx"), 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => Center.CreateArticleAsync("no-such-category", "en", new HelpArticleText("T", null, "B"), Ana));
        var created = await Center.CreateArticleAsync(sub.CategoryId, "en", new HelpArticleText("Boiler pressure", null, "1 to 1.5 bar."), Ana);

        await Assert.ThrowsAsync<ConflictException>(() => Center.DeleteCategoryAsync(top.CategoryId)); // has a subcategory
        await Assert.ThrowsAsync<ConflictException>(() => Center.DeleteCategoryAsync(sub.CategoryId)); // holds an article
        await Article(created.ArticleId).MoveAsync(top.CategoryId, Ana);
        await Center.DeleteCategoryAsync(sub.CategoryId);

        var view = await Center.GetAsync();
        Assert.Equal([top.CategoryId], view.Categories.Select(c => c.CategoryId));
        Assert.Equal(top.CategoryId, view.Articles.Single().CategoryId);
    }

    private static Dictionary<string, string> Names(string en, string? pt = null, string lang = "en")
    {
        var names = new Dictionary<string, string> { [lang] = en };
        if (pt is not null) names["pt"] = pt;
        return names;
    }
}
