using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.HelpCenter;

/// <summary>
/// The team's side of the help center (dispatchers of the company): categories, articles with a draft and published
/// versions per language, publishing, rollback, and the searches that found nothing. What customers read is
/// <see cref="HelpPages"/>.
/// </summary>
public static class HelpCenterApi
{
    /// <summary>An article's longest text as JSON: every character escaped (\uXXXX), with room for the title and summary.</summary>
    public const long ArticleBodyBytes = HelpArticleRules.MaxBody * 6L + 16 * 1024;

    public static RouteGroupBuilder MapHelpCenterApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/help").WithTags("Help center").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", GetAsync).WithSummary("The company's categories and every article (drafts included), the latest change first, and the languages articles can be written in.");
        group.MapPost("/categories", AddCategoryAsync).WithSummary("Adds a category, or a subcategory of a top-level one; names by language code.");
        group.MapPut("/categories/{categoryId}", ChangeCategoryAsync).WithSummary("Renames or moves a category.");
        group.MapDelete("/categories/{categoryId}", DeleteCategoryAsync).WithSummary("Removes an empty category; 409 while it holds articles or subcategories.");
        group.MapPost("/articles", CreateArticleAsync).WithRequestBodyLimit(ArticleBodyBytes).WithSummary("Creates an article with its first draft (not published).");
        group.MapGet("/articles/{articleId}", GetArticleAsync).WithSummary("An article with each language's draft and published versions.");
        group.MapPut("/articles/{articleId}/category", MoveArticleAsync).WithSummary("Moves an article to another category.");
        group.MapPut("/articles/{articleId}/{language}/draft", SaveDraftAsync).WithRequestBodyLimit(ArticleBodyBytes).WithSummary("Saves a language's draft (a new translation when there was none).");
        group.MapPost("/articles/{articleId}/{language}/publish", PublishAsync).WithSummary("Publishes the draft as the next version.");
        group.MapPost("/articles/{articleId}/{language}/unpublish", UnpublishAsync).WithSummary("Takes the translation off the public help center.");
        group.MapPost("/articles/{articleId}/{language}/rollback", RollBackAsync).WithSummary("Publishes an earlier version's text again as the next version.");
        group.MapPost("/preview", Preview).WithRequestBodyLimit(ArticleBodyBytes)
            .WithSummary("The HTML the public help center would show for a Markdown text (sanitized, as published): the editor's preview.");
        group.MapGet("/misses", MissesAsync).WithSummary("Searches on the public help center that found nothing, the most frequent first.");
        return group;
    }

    private static async Task<Ok<HelpCenterDto>> GetAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var view = await Center(grains, user).GetAsync();
        return TypedResults.Ok(new HelpCenterDto(
            [.. view.Categories.Select(HelpCenterDtos.AsDto)], [.. view.Articles.Select(HelpCenterDtos.AsDto)],
            [.. HelpLanguages.Supported.Select(l => new HelpLanguageDto(l.Code, l.Name, l.RightToLeft))]));
    }

    private static async Task<Results<Created<HelpCategoryDto>, ValidationProblem, NotFound>> AddCategoryAsync(HelpCategoryRequest request, ClaimsPrincipal user, IClusterClient grains) =>
        await SaveCategoryAsync(null, request, user, grains) switch
        {
            { Result: Ok<HelpCategoryDto> ok } => TypedResults.Created($"/api/v1/support/help/categories/{ok.Value!.CategoryId}", ok.Value),
            { Result: ValidationProblem problem } => problem,
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<HelpCategoryDto>, ValidationProblem, NotFound>> ChangeCategoryAsync(
        string categoryId, HelpCategoryRequest request, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(categoryId) ? await SaveCategoryAsync(categoryId, request, user, grains) : TypedResults.NotFound();

    private static async Task<Results<Ok<HelpCategoryDto>, ValidationProblem, NotFound>> SaveCategoryAsync(
        string? categoryId, HelpCategoryRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var names = request.Names ?? [];
        var validation = new RequestValidation().Id(request.ParentId, "parentId", "category", required: false)
            .Require(names.Length is > 0 and <= HelpCategoryName.MaxNames && names.All(n => n is not null) && names.DistinctBy(n => n.Language).Count() == names.Length,
                "names", "A category needs a name in at least one language, once per language.");
        for (var i = 0; validation.IsValid && i < names.Length; i++)
        {
            validation.Require(HelpLanguages.IsSupported(names[i].Language), $"names[{i}].language", $"The language is one of {string.Join(", ", HelpLanguages.Supported.Select(l => l.Code))}.")
                .Text(names[i].Name, $"names[{i}].name", HelpCenterGrain.MaxCategoryName, $"A name of 1 to {HelpCenterGrain.MaxCategoryName} characters is required.");
        }

        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        try
        {
            var saved = await Center(grains, user).SaveCategoryAsync(new HelpCategoryEdit(categoryId, request.ParentId, names.ToDictionary(n => n.Language!, n => n.Name!), request.Position ?? 0));
            return TypedResults.Ok(saved.AsDto());
        }
        catch (ArgumentException refused)
        {
            return Problem("parentId", refused);
        }
    }

    private static async Task<Results<NoContent, NotFound>> DeleteCategoryAsync(string categoryId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(categoryId)) return TypedResults.NotFound();
        await Center(grains, user).DeleteCategoryAsync(categoryId); // 404 unknown, 409 not empty (DomainExceptionHandler)
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<HelpArticleDto>, ValidationProblem>> CreateArticleAsync(HelpNewArticleRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation().Id(request.CategoryId, "categoryId", "category");
        var text = Text(validation, request.Language, request.Title, request.Summary, request.Body);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        try
        {
            var article = await Center(grains, user).CreateArticleAsync(request.CategoryId!, request.Language!, text, user.GetEmail());
            return TypedResults.Created($"/api/v1/support/help/articles/{article.ArticleId}", article.AsDto(user.GetTenantId()));
        }
        catch (ArgumentException refused)
        {
            return Problem("categoryId", refused);
        }
    }

    private static async Task<Results<Ok<HelpArticleDto>, NotFound>> GetArticleAsync(string articleId, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(articleId) ? TypedResults.Ok((await Article(grains, user, articleId).GetAsync()).AsDto(user.GetTenantId())) : TypedResults.NotFound();

    private static async Task<Results<Ok<HelpArticleDto>, ValidationProblem, NotFound>> MoveArticleAsync(
        string articleId, HelpMoveRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(articleId)) return TypedResults.NotFound();
        var validation = new RequestValidation().Id(request.CategoryId, "categoryId", "category");
        if (validation.IsValid && (await Center(grains, user).GetAsync()).Categories.All(c => c.CategoryId != request.CategoryId))
            validation.Add("categoryId", "The category does not exist.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Article(grains, user, articleId).MoveAsync(request.CategoryId!, user.GetEmail())).AsDto(user.GetTenantId()));
    }

    private static async Task<Results<Ok<HelpArticleDto>, ValidationProblem, NotFound>> SaveDraftAsync(
        string articleId, string language, HelpDraftRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(articleId) || !HelpLanguages.IsSupported(language)) return TypedResults.NotFound();
        var validation = new RequestValidation();
        var text = Text(validation, language, request.Title, request.Summary, request.Body);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Article(grains, user, articleId).SaveDraftAsync(language, text, user.GetEmail())).AsDto(user.GetTenantId()));
    }

    private static Task<Results<Ok<HelpArticleDto>, NotFound>> PublishAsync(string articleId, string language, ClaimsPrincipal user, IClusterClient grains) =>
        ChangeAsync(articleId, language, user, grains, (article, by) => article.PublishAsync(language, by));

    private static Task<Results<Ok<HelpArticleDto>, NotFound>> UnpublishAsync(string articleId, string language, ClaimsPrincipal user, IClusterClient grains) =>
        ChangeAsync(articleId, language, user, grains, (article, by) => article.UnpublishAsync(language, by));

    private static async Task<Results<Ok<HelpArticleDto>, ValidationProblem, NotFound>> RollBackAsync(
        string articleId, string language, HelpRollbackRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(articleId) || !HelpLanguages.IsSupported(language)) return TypedResults.NotFound();
        if (request.Version is not > 0) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["A version number is required."] });
        try
        {
            return TypedResults.Ok((await Article(grains, user, articleId).RollBackAsync(language, request.Version.Value, user.GetEmail())).AsDto(user.GetTenantId()));
        }
        catch (ArgumentException refused)
        {
            return Problem("version", refused);
        }
    }

    private static Results<Ok<HelpPreviewDto>, ValidationProblem> Preview(HelpPreviewRequest request)
    {
        // The same rule as a draft's text (an empty one previews as nothing), so what previews is what can be saved.
        var validation = new RequestValidation().Text(request.Body, "body", HelpArticleRules.MaxBody, $"A text of at most {HelpArticleRules.MaxBody:N0} characters.",
            required: false, multiline: true);
        return validation.IsValid ? TypedResults.Ok(new HelpPreviewDto(HelpMarkdown.ToHtml(request.Body ?? ""))) : TypedResults.ValidationProblem(validation.Errors);
    }

    private static async Task<Ok<HelpSearchMissDto[]>> MissesAsync(ClaimsPrincipal user, IHelpSearch search, CancellationToken cancellationToken) =>
        TypedResults.Ok((await search.MissesAsync(user.GetTenantId(), 100, cancellationToken)).Select(m => new HelpSearchMissDto(m.Language, m.Query, m.Searches, m.LastAt)).ToArray());

    private static async Task<Results<Ok<HelpArticleDto>, NotFound>> ChangeAsync(
        string articleId, string language, ClaimsPrincipal user, IClusterClient grains, Func<IHelpArticleGrain, string, Task<HelpArticleView>> change)
    {
        if (!ResourceId.IsValid(articleId) || !HelpLanguages.IsSupported(language)) return TypedResults.NotFound();
        return TypedResults.Ok((await change(Article(grains, user, articleId), user.GetEmail())).AsDto(user.GetTenantId()));
    }

    private static HelpArticleText Text(RequestValidation validation, string? language, string? title, string? summary, string? body)
    {
        validation.Require(HelpLanguages.IsSupported(language), "language", $"The language is one of {string.Join(", ", HelpLanguages.Supported.Select(l => l.Code))}.")
            .Text(title, "title", HelpArticleRules.MaxTitle, $"A title of 1 to {HelpArticleRules.MaxTitle} characters is required.")
            .Text(summary, "summary", HelpArticleRules.MaxSummary, $"The summary is at most {HelpArticleRules.MaxSummary} characters.", required: false)
            .Text(body, "body", HelpArticleRules.MaxBody, $"A text of 1 to {HelpArticleRules.MaxBody:N0} characters is required.", multiline: true);
        return new HelpArticleText(title ?? "", summary, body ?? "");
    }

    private static ValidationProblem Problem(string field, ArgumentException refused) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refused.Message.Split(" (Parameter", 2)[0]] });

    private static IHelpCenterGrain Center(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IHelpCenterGrain>(user.GetTenantId());

    private static IHelpArticleGrain Article(IClusterClient grains, ClaimsPrincipal user, string articleId) =>
        grains.GetGrain<IHelpArticleGrain>(TenantKeys.For(user.GetTenantId(), articleId));
}

/// <param name="Names">The category's name in each language it has (at least one, each language once).</param>
public sealed record HelpCategoryRequest([property: MaxLength(InputLimits.Id)] string? ParentId, [property: MaxLength(HelpCategoryName.MaxNames)] HelpCategoryName[]? Names, int? Position);

public sealed record HelpCategoryName([property: MaxLength(HelpCategoryName.MaxLanguage)] string? Language, [property: MaxLength(HelpCenterGrain.MaxCategoryName)] string? Name)
{
    public const int MaxNames = 10;
    public const int MaxLanguage = 8;
}

public sealed record HelpNewArticleRequest(
    [property: MaxLength(InputLimits.Id)] string? CategoryId, [property: MaxLength(HelpCategoryName.MaxLanguage)] string? Language, [property: MaxLength(HelpArticleRules.MaxTitle)] string? Title,
    [property: MaxLength(HelpArticleRules.MaxSummary)] string? Summary, [property: MaxLength(HelpArticleRules.MaxBody)] string? Body);

public sealed record HelpDraftRequest(
    [property: MaxLength(HelpArticleRules.MaxTitle)] string? Title, [property: MaxLength(HelpArticleRules.MaxSummary)] string? Summary,
    [property: MaxLength(HelpArticleRules.MaxBody)] string? Body);

public sealed record HelpMoveRequest([property: MaxLength(InputLimits.Id)] string? CategoryId);

public sealed record HelpRollbackRequest(int? Version);

public sealed record HelpPreviewRequest([property: MaxLength(HelpArticleRules.MaxBody)] string? Body);
