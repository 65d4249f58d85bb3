using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Support.HelpCenter.Pages;

namespace OrleansPortal.Web.Support.HelpCenter;

/// <summary>
/// The public help center of each company at <c>/help/{company}/{language}</c>: server-rendered Razor components (no
/// script), read from the published index (<see cref="IHelpArticleIndex"/>) and the company's help center grain, never
/// from a grain per article. <c>/help/{company}</c> picks the language from <c>Accept-Language</c>; each page links its
/// other languages (a switcher and hreflang), names its canonical address and has a meta description; the sitemap lists
/// every published translation.
/// </summary>
public static class HelpPages
{
    public const string RateLimit = "help-center";
    private const int ListLimit = 500;

    public static IServiceCollection AddHelpPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
            o.AddPolicy(RateLimit, http => IdentityServices.PerClientAddress(http, 300, TimeSpan.FromMinutes(1))));
        return services;
    }

    public static void MapHelpPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHelpAssets();
        var pages = endpoints.MapGroup("/help/{company}").AllowAnonymous().RequireRateLimiting(RateLimit).ExcludeFromDescription();
        pages.MapGet("", ChooseLanguageAsync);
        pages.MapGet("/sitemap.xml", SitemapAsync);
        pages.MapGet("/{language}", HomeAsync);
        pages.MapGet("/{language}/categories/{categoryId}", CategoryAsync);
        pages.MapGet("/{language}/articles/{articleId}/{slug?}", ArticleAsync);
        pages.MapPost("/{language}/articles/{articleId}/{slug}/vote", VoteAsync)
            .DisableAntiforgery(); // a plain form of the page itself; CrossSiteRequestGuard refuses other sites' posts
        pages.MapGet("/{language}/search", SearchAsync);
    }

    /// <summary>The company's help center in the reader's language: the first of Accept-Language it is published in, else English, else any.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> ChooseLanguageAsync(string company, HttpRequest request, HttpResponse response, IClusterClient grains, IHelpArticleIndex index, CancellationToken cancellationToken)
    {
        if (await CompanyAsync(company, grains) is null) return TypedResults.NotFound();
        var published = await index.LanguagesAsync(company, cancellationToken);
        var wanted = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant()).OfType<string>();
        var language = wanted.FirstOrDefault(published.Contains)
            ?? (published.Contains(HelpLanguages.Default) || published.Count == 0 ? HelpLanguages.Default : published[0]);
        response.Headers.Vary = "Accept-Language";
        return TypedResults.Redirect(HelpPaths.Home(company, language));
    }

    private static async Task<IResult> HomeAsync(string company, string language, IClusterClient grains, IHelpArticleIndex index, IOptions<PortalOptions> portal, CancellationToken cancellationToken)
    {
        if (await ContextAsync(company, language, grains, index) is not { } context) return TypedResults.NotFound();
        var center = await grains.GetGrain<IHelpCenterGrain>(company).GetAsync();
        var articles = await index.ListAsync(company, context.Language.Code, null, ListLimit, cancellationToken);
        var popular = (await index.PopularAsync(company, context.Language.Code, 5, cancellationToken)).Where(a => a.Views > 0).ToList();
        var counts = articles.GroupBy(a => a.CategoryId).ToDictionary(g => g.Key, g => g.Count());
        int CountOf(HelpCategory c) => counts.GetValueOrDefault(c.CategoryId) + center.Categories.Where(s => s.ParentId == c.CategoryId).Sum(s => counts.GetValueOrDefault(s.CategoryId));
        var categories = center.Categories.Where(c => c.ParentId is null).Select(c => (c, CountOf(c))).Where(c => c.Item2 > 0).ToList();
        var texts = HelpTexts.For(context.Language.Code);
        var frame = Frame(context, portal, texts.HelpCenter, $"{texts.HelpCenter}: {string.Join(", ", categories.Select(c => c.c.NameIn(context.Language.Code)))}",
            context.Languages.Select(l => (l, HelpPaths.Home(company, l))).ToList(), HelpPaths.Home(company, context.Language.Code));
        return new RazorComponentResult<HelpHomeDocument>(new { Frame = frame, Categories = categories, Popular = popular });
    }

    private static async Task<IResult> CategoryAsync(
        string company, string language, string categoryId, IClusterClient grains, IHelpArticleIndex index, IOptions<PortalOptions> portal, CancellationToken cancellationToken)
    {
        if (await ContextAsync(company, language, grains, index) is not { } context) return TypedResults.NotFound();
        var center = await grains.GetGrain<IHelpCenterGrain>(company).GetAsync();
        if (center.Categories.FirstOrDefault(c => c.CategoryId == categoryId) is not { } category) return TypedResults.NotFound();
        var subcategories = center.Categories.Where(c => c.ParentId == categoryId).ToList();
        var articles = await index.ListAsync(company, context.Language.Code, [categoryId], ListLimit, cancellationToken);
        var name = category.NameIn(context.Language.Code);
        var path = HelpPaths.Category(HelpPaths.Home(company, context.Language.Code), categoryId);
        var frame = Frame(context, portal, name, $"{name}: {string.Join(", ", articles.Take(5).Select(a => a.Title))}",
            context.Languages.Select(l => (l, HelpPaths.Category(HelpPaths.Home(company, l), categoryId))).ToList(), path);
        return new RazorComponentResult<HelpCategoryDocument>(new
        {
            Frame = frame, Category = category, Parent = center.Categories.FirstOrDefault(c => c.CategoryId == category.ParentId),
            Subcategories = subcategories, Articles = articles,
        });
    }

    private static async Task<IResult> ArticleAsync(
        string company, string language, string articleId, string? slug, bool? voted, IClusterClient grains, IHelpArticleIndex index,
        IOptions<PortalOptions> portal, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(articleId) || await ContextAsync(company, language, grains, index) is not { } context) return TypedResults.NotFound();
        if (await index.GetAsync(company, articleId, context.Language.Code, cancellationToken) is not { } page) return TypedResults.NotFound();
        var path = HelpPaths.Article(company, context.Language.Code, page.Listing);
        // An old or cut address still works, by a permanent redirect to the one search engines should keep.
        if (slug != page.Listing.Slug) return TypedResults.Redirect(path, permanent: true);
        await index.CountViewAsync(company, articleId, context.Language.Code, cancellationToken);
        var translations = await index.TranslationsAsync(company, articleId, cancellationToken);
        var center = await grains.GetGrain<IHelpCenterGrain>(company).GetAsync();
        var frame = Frame(context, portal, page.Listing.Title, page.Listing.Description,
            translations.Select(t => (t.Language, HelpPaths.Article(company, t.Language, t))).ToList(), path);
        return new RazorComponentResult<HelpArticleDocument>(new
        {
            Frame = frame, Page = page, Category = center.Categories.FirstOrDefault(c => c.CategoryId == page.Listing.CategoryId), Voted = voted == true,
        });
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> VoteAsync(
        string company, string language, string articleId, string slug, HttpRequest request, IHelpArticleIndex index, CancellationToken cancellationToken)
    {
        if (!TenantName.IsValid(company) || !HelpLanguages.IsSupported(language) || !ResourceId.IsValid(articleId)) return TypedResults.NotFound();
        if (!request.HasFormContentType) return TypedResults.BadRequest();
        var form = await request.ReadFormAsync(cancellationToken);
        bool? helpful = form["helpful"].ToString() switch { "yes" => true, "no" => false, _ => null };
        if (helpful is null) return TypedResults.BadRequest();
        var lang = HelpLanguages.Get(language).Code;
        if (!await index.VoteAsync(company, articleId, lang, helpful.Value, cancellationToken)) return TypedResults.NotFound();
        // Post, redirect, get: a reload does not vote twice.
        return TypedResults.Redirect($"{HelpPaths.Home(company, lang)}/articles/{articleId}/{Uri.EscapeDataString(slug)}?voted=true");
    }

    private static async Task<IResult> SearchAsync(
        string company, string language, string? q, IClusterClient grains, IHelpArticleIndex index, IHelpSearch search, DomainClock clock,
        IOptions<PortalOptions> portal, CancellationToken cancellationToken)
    {
        if (await ContextAsync(company, language, grains, index) is not { } context) return TypedResults.NotFound();
        var query = (q ?? "").Trim();
        if (query.Length > HelpSearch.MaxQueryLength) query = query[..HelpSearch.MaxQueryLength];
        var home = HelpPaths.Home(company, context.Language.Code);
        if (query.Length == 0) return TypedResults.Redirect(home);
        var result = await search.SearchAsync(company, context.Language.Code, query, 20, cancellationToken);
        if (result.Hits.Count == 0) await search.RecordMissAsync(company, context.Language.Code, query, clock.GetUtcNow(), cancellationToken);
        var texts = HelpTexts.For(context.Language.Code);
        var frame = Frame(context, portal, $"{texts.ResultsFor} {query}", $"{texts.ResultsFor} {query}",
            context.Languages.Select(l => (l, $"{HelpPaths.Home(company, l)}/search?q={Uri.EscapeDataString(query)}")).ToList(),
            $"{home}/search?q={Uri.EscapeDataString(query)}") with { Query = query, NoIndex = true };
        return new RazorComponentResult<HelpSearchDocument>(new { Frame = frame, Result = result });
    }

    /// <summary>Every published translation, each with its other languages as alternates (sitemaps.org, with xhtml:link).</summary>
    private static async Task<IResult> SitemapAsync(string company, IClusterClient grains, IHelpArticleIndex index, IOptions<PortalOptions> portal, CancellationToken cancellationToken)
    {
        if (await CompanyAsync(company, grains) is null) return TypedResults.NotFound();
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var site = portal.Value.PublicBaseUrl.TrimEnd('/');
        var articles = await index.AllAsync(company, cancellationToken);
        var languages = articles.Select(a => a.Language).Distinct().Order(StringComparer.Ordinal);
        var homes = languages.Select(l => new XElement(sitemap + "url", new XElement(sitemap + "loc", site + HelpPaths.Home(company, l))));
        var pages = articles.GroupBy(a => a.ArticleId).SelectMany(translations => translations.Select(a => new XElement(sitemap + "url",
            new XElement(sitemap + "loc", site + HelpPaths.Article(company, a.Language, a)),
            new XElement(sitemap + "lastmod", a.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            translations.Count() > 1
                ? translations.Select(t => new XElement(xhtml + "link", new XAttribute("rel", "alternate"), new XAttribute("hreflang", t.Language),
                    new XAttribute("href", site + HelpPaths.Article(company, t.Language, t))))
                : null)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(sitemap + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", xhtml), homes, pages));
        return TypedResults.Text(document.Declaration + document.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8");
    }

    private sealed record PageContext(string Company, string CompanyName, HelpLanguage Language, IReadOnlyList<string> Languages);

    /// <summary>The company and language of a page, or null when either is unknown (the page is a 404).</summary>
    private static async Task<PageContext?> ContextAsync(string company, string language, IClusterClient grains, IHelpArticleIndex index)
    {
        if (!HelpLanguages.IsSupported(language) || language != language.ToLowerInvariant()) return null;
        if (await CompanyAsync(company, grains) is not { } info) return null;
        var languages = await index.LanguagesAsync(company);
        return new PageContext(company, info.Name, HelpLanguages.Get(language), languages.Contains(language) ? languages : [.. languages, language]);
    }

    private static async Task<CompanyInfo?> CompanyAsync(string company, IClusterClient grains) =>
        TenantName.IsValid(company) ? await grains.GetGrain<ICompanyGrain>(company).GetAsync() : null;

    private static HelpFrame Frame(PageContext context, IOptions<PortalOptions> portal, string title, string description,
        IReadOnlyList<(string Language, string Path)> alternates, string path)
    {
        var site = portal.Value.PublicBaseUrl.TrimEnd('/');
        return new HelpFrame(context.CompanyName, HelpPaths.Home(context.Company, context.Language.Code), context.Language, HelpTexts.For(context.Language.Code),
            title, description.Length > HelpMarkdown.DescriptionLength ? HelpMarkdown.Description(description, "") : description, site + path,
            [.. alternates.OrderBy(a => a.Language, StringComparer.Ordinal).Select(a => new HelpAlternate(a.Language, HelpLanguages.Get(a.Language).Name, a.Path, site + a.Path))]);
    }
}
