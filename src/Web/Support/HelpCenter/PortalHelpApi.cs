using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.HelpCenter;

/// <summary>
/// The help center inside the portal: while a customer writes a new case's subject, the articles that may answer it;
/// and "this answered my question", which counts a case the help center kept from being opened. The team reads the
/// count (and its rate against cases opened from the portal) at <c>/api/v1/support/help/deflections</c>.
/// </summary>
public static class PortalHelpApi
{
    public const int Suggestions = 3;
    public const int MinQueryLength = 3;

    public static void MapPortalHelpApi(this IEndpointRouteBuilder endpoints)
    {
        var portal = endpoints.MapGroup("/api/v1/portal/help").WithTags("Portal support").RequireAuthorization(PortalClaims.CustomerPolicy);
        portal.MapGet("/suggestions", SuggestAsync).WithSummary(
            $"Up to {Suggestions} published articles matching what the customer typed (at least {MinQueryLength} characters), in their language, else English.");
        portal.MapPost("/deflections", DeflectAsync).WithSummary("The customer read a suggested article and it answered them: no case is opened. 404 for an article not published.");

        endpoints.MapGet("/api/v1/support/help/deflections", SummaryAsync).WithTags("Help center").RequireAuthorization(PortalClaims.DispatcherPolicy)
            .WithSummary("Over the last N days (default 30, 1 to 366): cases the help center answered, cases opened from the portal, the rate, and the articles that answered most.");
    }

    private static async Task<Ok<HelpSuggestionDto[]>> SuggestAsync(
        [MaxLength(HelpSearch.MaxQueryLength)] string? q, [MaxLength(8)] string? language, ClaimsPrincipal user, IHelpSearch search, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length < MinQueryLength) return TypedResults.Ok(Array.Empty<HelpSuggestionDto>());
        if (query.Length > HelpSearch.MaxQueryLength) query = query[..HelpSearch.MaxQueryLength];
        var tenant = user.GetTenantId();
        var wanted = HelpLanguages.IsSupported(language) ? HelpLanguages.Get(language!).Code : HelpLanguages.Default;
        var hits = (await search.SearchAsync(tenant, wanted, query, Suggestions, cancellationToken)).Hits;
        if (hits.Count == 0 && wanted != HelpLanguages.Default) hits = (await search.SearchAsync(tenant, HelpLanguages.Default, query, Suggestions, cancellationToken)).Hits;
        return TypedResults.Ok(hits.Select(h => new HelpSuggestionDto(h.ArticleId, h.Language, h.Title, h.Description, HelpPaths.Article(tenant, h.Language, h))).ToArray());
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeflectAsync(
        HelpDeflectionRequest request, ClaimsPrincipal user, IHelpArticleIndex index, HelpDeflections deflections, DomainClock clock, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Id(request.ArticleId, "articleId", "The article")
            .Require(HelpLanguages.IsSupported(request.Language), "language", $"The language is one of {string.Join(", ", HelpLanguages.Supported.Select(l => l.Code))}.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var tenant = user.GetTenantId();
        if (await index.GetAsync(tenant, request.ArticleId!, request.Language!, cancellationToken) is null) return TypedResults.NotFound();
        await deflections.RecordAsync(tenant, user.GetCustomerId(), request.ArticleId!, request.Language!, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<HelpDeflectionsDto>, ValidationProblem>> SummaryAsync(
        int? days, ClaimsPrincipal user, HelpDeflections deflections, IHelpArticleIndex index, DomainClock clock, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 366) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["Days are 1 to 366."] });
        var tenant = user.GetTenantId();
        var summary = await deflections.SummaryAsync(tenant, clock.GetUtcNow().AddDays(-(days ?? 30)), cancellationToken);
        var titles = (await index.AllAsync(tenant, cancellationToken)).GroupBy(a => a.ArticleId)
            .ToDictionary(g => g.Key, g => (g.FirstOrDefault(a => a.Language == HelpLanguages.Default) ?? g.First()).Title);
        return TypedResults.Ok(new HelpDeflectionsDto(days ?? 30, summary.Deflected, summary.PortalCases, summary.Rate,
            [.. summary.ByArticle.Select(a => new HelpDeflectingArticleDto(a.ArticleId, titles.GetValueOrDefault(a.ArticleId), a.Count))]));
    }
}

public sealed record HelpDeflectionRequest([property: MaxLength(InputLimits.Id)] string? ArticleId, [property: MaxLength(HelpCategoryName.MaxLanguage)] string? Language);

/// <param name="Url">The article's public page.</param>
public sealed record HelpSuggestionDto(string ArticleId, string Language, string Title, string Description, string Url);

/// <param name="Rate">Deflected over deflected plus opened, or null when there were neither.</param>
public sealed record HelpDeflectionsDto(int Days, long Deflected, long PortalCases, double? Rate, HelpDeflectingArticleDto[] Articles);

/// <param name="Title">The English title, else another; null for an article no longer published.</param>
public sealed record HelpDeflectingArticleDto(string ArticleId, string? Title, long Count);
