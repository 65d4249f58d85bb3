using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Support.Feedback.Pages;
using OrleansPortal.Web.Support.HelpCenter;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Support.Feedback;

/// <summary>
/// The public side of feedback, server-rendered with no script: a survey's page at <c>/feedback/{token}</c> (the link in
/// the review request and the NPS message; the token is the only key, so nobody signs in), and the company's approved
/// reviews at <c>/reviews/{company}</c> with their photos.
/// </summary>
public static class FeedbackPages
{
    private const int ReviewsShown = 100;

    public static void MapFeedbackPages(this IEndpointRouteBuilder endpoints)
    {
        var maxBytes = endpoints.ServiceProvider.GetRequiredService<SurveyForm>().MaxRequestBytes;
        var pages = endpoints.MapGroup("").AllowAnonymous().RequireRateLimiting(HelpPages.RateLimit).ExcludeFromDescription();
        pages.MapGet("/feedback/{token}", ShowSurveyAsync);
        pages.MapPost("/feedback/{token}", AnswerAsync)
            .WithRequestBodyLimit(maxBytes)
            .DisableAntiforgery(); // the link's token is the credential, and CrossSiteRequestGuard refuses other sites' posts
        pages.MapGet("/reviews/{company}", ReviewsAsync);
        pages.MapGet("/reviews/{company}/photos/{surveyId}/{photoId}", ReviewPhotoAsync);
    }

    private static async Task<IResult> ShowSurveyAsync(string token, int? score, bool? answered, HttpRequest request, HttpResponse response, IClusterClient grains, DomainClock clock)
    {
        if (await SurveyAsync(token, grains) is not { } found) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-store";
        var (survey, company) = found;
        var (min, max) = SurveyRules.Scale(survey.Invitation.Kind);
        return Page(company, survey, FeedbackTexts.For(request), clock, justAnswered: answered == true, chosen: score >= min && score <= max ? score : null);
    }

    private static async Task<IResult> AnswerAsync(string token, HttpRequest request, HttpResponse response, IClusterClient grains, SurveyForm form, DomainClock clock, CancellationToken cancellationToken)
    {
        if (await SurveyAsync(token, grains) is not { } found) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-store";
        var (survey, company) = found;
        var texts = FeedbackTexts.For(request);
        if (!survey.IsOpenAt(clock.GetUtcNow())) return WithStatus(Page(company, survey, texts, clock), StatusCodes.Status409Conflict);

        var (answer, posted, problem) = await form.ReadAsync(request, survey.Invitation.Kind, cancellationToken);
        if (answer is null)
            return WithStatus(Page(company, survey, texts, clock, chosen: posted.Score, comment: posted.Comment, share: posted.Share, reviewName: posted.ReviewName, problem: problem),
                StatusCodes.Status400BadRequest);
        try
        {
            await grains.GetGrain<ISurveyGrain>(TenantKeys.For(survey.TenantId, survey.SurveyId)).AnswerAsync(answer);
        }
        catch (ConflictException)
        {
            // Answered meanwhile (another contact with the same link), or closed since the page was read.
            var now = await grains.GetGrain<ISurveyGrain>(TenantKeys.For(survey.TenantId, survey.SurveyId)).GetAsync();
            return WithStatus(Page(company, now, texts, clock), StatusCodes.Status409Conflict);
        }

        // Post, redirect, get: a reload sends nothing twice.
        return TypedResults.Redirect($"/feedback/{Uri.EscapeDataString(token)}?answered=true");
    }

    private static async Task<IResult> ReviewsAsync(string company, HttpRequest request, IClusterClient grains, IFeedbackIndex index, CancellationToken cancellationToken)
    {
        if (!TenantName.IsValid(company) || await grains.GetGrain<ICompanyGrain>(company).GetAsync() is not { } info) return TypedResults.NotFound();
        var reviews = await index.ReviewsAsync(company, ReviewStatus.Approved, ReviewsShown, cancellationToken);
        return new RazorComponentResult<ReviewsDocument>(new { Company = company, CompanyName = info.Name, Reviews = reviews, Texts = FeedbackTexts.For(request) });
    }

    /// <summary>A photo of an approved review only: a pending or rejected review's photos are the team's to see.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> ReviewPhotoAsync(
        string company, string surveyId, string photoId, bool? thumbnail, HttpResponse response, IClusterClient grains, PhotoStore store, CancellationToken cancellationToken)
    {
        if (!TenantName.IsValid(company) || !ResourceId.IsValid(surveyId) || !ResourceId.IsValid(photoId)) return TypedResults.NotFound();
        SurveyView survey;
        try
        {
            survey = await grains.GetGrain<ISurveyGrain>(TenantKeys.For(company, surveyId)).GetAsync();
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }

        if (survey.ReviewStatus != ReviewStatus.Approved || survey.Answer?.Review?.PhotoIds.Contains(photoId) != true) return TypedResults.NotFound();
        return await ReviewPhotos.ServeAsync(response, store, photoId, thumbnail == true, cancellationToken);
    }

    /// <summary>The survey a token links, with its company's name; null for a token that names none.</summary>
    private static async Task<(SurveyView Survey, string CompanyName)?> SurveyAsync(string token, IClusterClient grains)
    {
        if (token.Length is < 20 or > 100) return null;
        if (await grains.GetGrain<ISurveyLinkGrain>(SecretToken.Hash(token)).ResolveAsync() is not { } link) return null;
        try
        {
            var survey = await grains.GetGrain<ISurveyGrain>(TenantKeys.For(link.TenantId, link.SurveyId)).GetAsync();
            var company = await grains.GetGrain<ICompanyGrain>(link.TenantId).GetAsync();
            return (survey, company?.Name ?? "");
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static RazorComponentResult<SurveyDocument> Page(
        string company, SurveyView survey, FeedbackTexts texts, DomainClock clock, bool justAnswered = false, int? chosen = null, string? comment = null,
        bool share = false, string? reviewName = null, string? problem = null) =>
        new(new
        {
            CompanyName = company, Survey = survey, Texts = texts, Open = survey.IsOpenAt(clock.GetUtcNow()), JustAnswered = justAnswered, Chosen = chosen,
            Comment = comment, Share = share, ReviewName = reviewName, Problem = problem,
        });

    private static RazorComponentResult<SurveyDocument> WithStatus(RazorComponentResult<SurveyDocument> page, int status)
    {
        page.StatusCode = status;
        return page;
    }
}
