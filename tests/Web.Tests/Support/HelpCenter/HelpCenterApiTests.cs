using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Support.HelpCenter;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support.HelpCenter;

/// <summary>
/// The help center through the whole app: the team writes, publishes, rolls back and takes articles down; the public
/// pages (server-rendered) show what is published, in the reader's language, with their SEO head and sitemap; nobody
/// else's team, and no customer, can change them. On both databases, where the search and the pages read the index.
/// </summary>
public sealed class HelpCenterApiTests : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task APublishedArticle_IsOnThePublicPages_AndARollbackPublishesTheEarlierText(string storage)
    {
        using var app = await NewAppAsync(storage);
        var help = new HelpCenterScenario(await TenantScenario.CreateAsync(app, "Acme Irrigation"));
        var category = await help.AddCategoryAsync("Irrigation", "Rega");
        var article = await help.PublishAsync(category.CategoryId,
            ("Controller shows E2", "**E2** means a zone valve did not answer.\n\n<script>alert(1)</script>"),
            ("O programador mostra E2", "**E2** significa que uma válvula não respondeu."));
        var office = help.Company.Dispatcher;
        var tenant = help.Company.TenantId;
        var visitor = Visitor(app);

        var english = await visitor.GetStringAsync($"/help/{tenant}/en/articles/{article.ArticleId}/controller-shows-e2");
        Assert.Contains("<strong>E2</strong> means a zone valve did not answer.", english);
        Assert.DoesNotContain("<script>alert", english); // raw HTML in Markdown is text, escaped
        var site = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        Assert.Contains($"<link rel=\"canonical\" href=\"{site}/help/{tenant}/en/articles/{article.ArticleId}/controller-shows-e2\"", english);
        Assert.Contains("hreflang=\"pt\"", english);
        Assert.Contains("<meta name=\"description\" content=\"E2 means a zone valve did not answer.", english);

        // A second version, then back to the first: history only grows.
        (await office.PutAsJsonAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/draft", new { title = "Controller shows E2", body = "Call us." })).EnsureSuccessStatusCode();
        (await office.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/publish", null)).EnsureSuccessStatusCode();
        Assert.Contains("Call us.", await visitor.GetStringAsync($"/help/{tenant}/en/articles/{article.ArticleId}/controller-shows-e2"));
        var rolledBack = await office.PostAsJsonAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/rollback", new { version = 1 });
        var afterRollback = (await rolledBack.Content.ReadFromJsonAsync<HelpArticleDto>(ApiJson.Options))!.Translations.Single(t => t.Language == "en");
        Assert.Equal((3, 3, false), (afterRollback.Published, afterRollback.Versions.Length, afterRollback.HasUnpublishedChanges));
        Assert.Equal($"/help/{tenant}/en/articles/{article.ArticleId}/controller-shows-e2", afterRollback.PublicPath);
        Assert.Contains("means a zone valve did not answer", await visitor.GetStringAsync($"/help/{tenant}/en/articles/{article.ArticleId}/controller-shows-e2"));

        // Search, in Portuguese without the accent of "válvula"; then taken down: gone from pages and search.
        var found = await visitor.GetStringAsync($"/help/{tenant}/pt/search?q=valvula");
        Assert.Contains("O programador mostra E2", found);
        (await office.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/pt/unpublish", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/help/{tenant}/pt/articles/{article.ArticleId}/o-programador-mostra-e2")).StatusCode);
        Assert.DoesNotContain("O programador mostra E2", await visitor.GetStringAsync($"/help/{tenant}/pt/search?q=valvula"));
        var listed = (await office.GetFromJsonAsync<HelpCenterDto>("/api/v1/support/help/", ApiJson.Options))!.Articles.Single();
        Assert.Equal(["en"], listed.Published);
        Assert.Equal(["pt"], listed.Unpublished); // the team's list shows Portuguese is no longer on the public pages
        var misses = (await office.GetFromJsonAsync<HelpSearchMissDto[]>("/api/v1/support/help/misses", ApiJson.Options))!;
        Assert.Equal([("pt", "valvula", 1L)], misses.Select(m => (m.Language, m.Query, m.Searches)));
    }

    [Fact]
    public async Task TheReadersLanguage_ComesFromAcceptLanguage_OldAddressesRedirect_AndTheSitemapListsEveryTranslation()
    {
        using var app = new PortalFactory();
        var help = new HelpCenterScenario(await TenantScenario.CreateAsync(app, "Acme Irrigation"));
        var category = await help.AddCategoryAsync("Heating", "Aquecimento");
        var article = await help.PublishAsync(category.CategoryId, ("Bleed a radiator", "Open the valve."), ("Purgar um radiador", "Abra a válvula."));
        var tenant = help.Company.TenantId;
        var visitor = Visitor(app);

        var portuguese = new HttpRequestMessage(HttpMethod.Get, $"/help/{tenant}");
        portuguese.Headers.AcceptLanguage.ParseAdd("pt-PT,pt;q=0.9,en;q=0.8");
        var chosen = await visitor.SendAsync(portuguese);
        Assert.Equal((HttpStatusCode.Redirect, $"/help/{tenant}/pt"), (chosen.StatusCode, chosen.Headers.Location!.ToString()));
        var german = new HttpRequestMessage(HttpMethod.Get, $"/help/{tenant}");
        german.Headers.AcceptLanguage.ParseAdd("de-DE");
        Assert.Equal($"/help/{tenant}/en", (await visitor.SendAsync(german)).Headers.Location!.ToString());

        var moved = await visitor.GetAsync($"/help/{tenant}/en/articles/{article.ArticleId}/old-words");
        Assert.Equal((HttpStatusCode.MovedPermanently, $"/help/{tenant}/en/articles/{article.ArticleId}/bleed-a-radiator"), (moved.StatusCode, moved.Headers.Location!.ToString()));

        var sitemap = XDocument.Parse(await visitor.GetStringAsync($"/help/{tenant}/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Equal([$"/help/{tenant}/en", $"/help/{tenant}/pt", $"/help/{tenant}/en/articles/{article.ArticleId}/bleed-a-radiator",
            $"/help/{tenant}/pt/articles/{article.ArticleId}/purgar-um-radiador"], locations);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/help/nobody-here/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/help/{tenant}/xx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/help/{tenant}/en/articles/{article.ArticleId.ToUpperInvariant()}/x")).StatusCode);
    }

    [Fact]
    public async Task AVote_IsCounted_AndAReloadDoesNotVoteTwice()
    {
        using var app = new PortalFactory();
        var help = new HelpCenterScenario(await TenantScenario.CreateAsync(app, "Acme Irrigation"));
        var category = await help.AddCategoryAsync("Heating");
        var article = await help.PublishAsync(category.CategoryId, ("Bleed a radiator", "Open the valve."));
        var visitor = Visitor(app);
        var path = $"/help/{help.Company.TenantId}/en/articles/{article.ArticleId}/bleed-a-radiator";

        var voted = await visitor.PostAsync($"{path}/vote", new FormUrlEncodedContent([new("helpful", "yes")]));
        var nonsense = await visitor.PostAsync($"{path}/vote", new FormUrlEncodedContent([new("helpful", "maybe")]));

        Assert.Equal((HttpStatusCode.Redirect, $"{path}?voted=true"), (voted.StatusCode, voted.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Contains("Thank you for your answer.", await visitor.GetStringAsync($"{path}?voted=true"));
    }

    [Fact]
    public async Task OnlyTheCompanysTeam_EditsItsHelpCenter_AndBadInputNamesItsField()
    {
        using var app = new PortalFactory();
        var acme = new HelpCenterScenario(await TenantScenario.CreateAsync(app, "Acme Irrigation"));
        var other = await TenantScenario.CreateAsync(app, "Other Co");
        var category = await acme.AddCategoryAsync("Heating");
        var article = await acme.PublishAsync(category.CategoryId, ("Bleed a radiator", "Open the valve."));
        var customer = await CustomerScenario.CreateAsync(acme.Company);
        var contact = await customer.SignInAsync((await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test")).Id);

        // A customer is not signed in to the team's side at all (another cookie).
        Assert.Equal(HttpStatusCode.Unauthorized, (await contact.GetAsync("/api/v1/support/help")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await contact.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/unpublish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.GetAsync($"/api/v1/support/help/articles/{article.ArticleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/unpublish", null)).StatusCode);
        Assert.Empty((await other.Dispatcher.GetFromJsonAsync<HelpCenterDto>("/api/v1/support/help", ApiJson.Options))!.Articles);

        await AssertProblemAsync(await acme.Company.Dispatcher.PostAsJsonAsync("/api/v1/support/help/articles", new { categoryId = category.CategoryId, language = "xx", title = "T", body = "B" }), "language");
        await AssertProblemAsync(await acme.Company.Dispatcher.PostAsJsonAsync("/api/v1/support/help/articles", new { categoryId = category.CategoryId, language = "en", title = "", body = "B" }), "title");
        await AssertProblemAsync(await acme.Company.Dispatcher.PostAsJsonAsync("/api/v1/support/help/articles", new { categoryId = new string('a', 32), language = "en", title = "T", body = "B" }), "categoryId");
        await AssertProblemAsync(await acme.Company.Dispatcher.PostAsJsonAsync("/api/v1/support/help/categories", new { names = new[] { new { language = "en", name = "Sub" }, new { language = "en2", name = "x" } } }), "names[1].language");
        await AssertProblemAsync(await acme.Company.Dispatcher.PostAsJsonAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/rollback", new { version = 9 }), "version");
        Assert.Equal(HttpStatusCode.Conflict, (await acme.Company.Dispatcher.DeleteAsync($"/api/v1/support/help/categories/{category.CategoryId}")).StatusCode);
        Assert.Equal(1, (await acme.Company.Dispatcher.GetFromJsonAsync<HelpArticleDto>($"/api/v1/support/help/articles/{article.ArticleId}", ApiJson.Options))!.Translations.Single().Published);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!;
        Assert.Contains(field, problem.Errors.Keys);
    }

    private static HttpClient Visitor(PortalFactory app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<PortalFactory> NewAppAsync(string storage)
    {
        if (storage != "PostgreSql") return new PortalFactory();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        return _database.App();
    }
}
