using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Feedback;

/// <summary>
/// The team's side of feedback (office staff: dispatchers): CSAT and NPS figures per technician and per week, the latest
/// answers, the reviews waiting for moderation with their photos, and the settings (which scores open a case, how often
/// NPS is asked).
/// </summary>
public static class FeedbackApi
{
    public const int MaxDays = 366;
    private const int MaxAnswersRead = 50_000;
    private const int ListLimit = 200;

    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/feedback").WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/summary", SummaryAsync).WithSummary($"CSAT (1-5) and NPS (-100 to 100) over the last `days` days (30 by default, at most {MaxDays}): totals, per technician, per week.");
        group.MapGet("/responses", ResponsesAsync).WithSummary("The latest answers (newest first), of one kind (Csat or Nps) or both, over the last `days` days.");
        group.MapGet("/reviews", ReviewsAsync).WithSummary("Reviews customers offered, by status (Pending by default, Approved, Rejected), newest first.");
        group.MapPost("/reviews/{surveyId}/moderation", ModerateAsync).WithSummary("Approves (shown on the public reviews page) or rejects a review.");
        group.MapGet("/reviews/{surveyId}/photos/{photoId}", PhotoAsync).WithSummary("A review's photo, whatever its status (the team moderates it).");
        group.MapGet("/settings", GetSettingsAsync).WithSummary("Which scores open a case, and how often NPS is asked.");
        group.MapPut("/settings", SetSettingsAsync).WithSummary("Replaces the feedback settings; 400 for values out of range.");
        return group;
    }

    private static async Task<Results<Ok<FeedbackSummaryDto>, ValidationProblem>> SummaryAsync(
        int? days, ClaimsPrincipal user, IClusterClient grains, IFeedbackIndex index, DomainClock clock, CancellationToken cancellationToken)
    {
        if (Days(days) is not { } period) return DaysProblem();
        var tenantId = user.GetTenantId();
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()).TimeZone);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = today.AddDays(1 - period);
        var since = Grains.Payments.Reports.MoneyPeriod.StartOf(first, zone);
        var answered = await index.AnsweredAsync(tenantId, null, since, MaxAnswersRead, cancellationToken);
        var sent = await index.SentAsync(tenantId, since, cancellationToken);
        var summary = FeedbackFigures.Of(answered, sent, first, today, zone);
        return TypedResults.Ok(new FeedbackSummaryDto(period, summary.Csat, summary.Nps, [.. summary.Technicians], [.. summary.Weeks], FeedbackPaths.Reviews(tenantId)));
    }

    private static async Task<Results<Ok<FeedbackResponseDto[]>, ValidationProblem>> ResponsesAsync(
        string? kind, int? days, ClaimsPrincipal user, IFeedbackIndex index, DomainClock clock, CancellationToken cancellationToken)
    {
        if (Days(days) is not { } period) return DaysProblem();
        SurveyKind? parsed = null;
        if (kind is not null)
        {
            if (!EnumName.TryParse<SurveyKind>(kind, out var k)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["The kind is Csat or Nps."] });
            parsed = k;
        }

        var rows = await index.AnsweredAsync(user.GetTenantId(), parsed, clock.GetUtcNow().AddDays(-period), ListLimit, cancellationToken);
        return TypedResults.Ok(rows.Select(FeedbackResponseDto.Of).ToArray());
    }

    private static async Task<Results<Ok<FeedbackResponseDto[]>, ValidationProblem>> ReviewsAsync(string? status, ClaimsPrincipal user, IFeedbackIndex index, CancellationToken cancellationToken)
    {
        var wanted = ReviewStatus.Pending;
        if (status is not null && !EnumName.TryParse(status, out wanted))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["The status is Pending, Approved or Rejected."] });
        var rows = await index.ReviewsAsync(user.GetTenantId(), wanted, ListLimit, cancellationToken);
        return TypedResults.Ok(rows.Select(FeedbackResponseDto.Of).ToArray());
    }

    private static async Task<Results<Ok<FeedbackResponseDto>, NotFound, ValidationProblem>> ModerateAsync(
        string surveyId, ReviewModerationRequest request, ClaimsPrincipal user, IClusterClient grains, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(surveyId)) return TypedResults.NotFound();
        if (!EnumName.TryParse<ReviewStatus>(request.Decision, out var decision) || decision == ReviewStatus.Pending)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = ["The decision is Approved or Rejected."] });
        var survey = grains.GetGrain<ISurveyGrain>(TenantKeys.For(user.GetTenantId(), surveyId));
        try
        {
            var view = await survey.ModerateAsync(decision, user.GetEmail());
            return TypedResults.Ok(FeedbackResponseDto.Of(FeedbackRow.Of(view, view.ModeratedAt ?? view.Invitation.IssuedAt)));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> PhotoAsync(
        string surveyId, string photoId, bool? thumbnail, HttpResponse response, ClaimsPrincipal user, IClusterClient grains, PhotoStore store, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(surveyId) || !ResourceId.IsValid(photoId)) return TypedResults.NotFound();
        try
        {
            var view = await grains.GetGrain<ISurveyGrain>(TenantKeys.For(user.GetTenantId(), surveyId)).GetAsync();
            if (view.Answer?.Review?.PhotoIds.Contains(photoId) != true) return TypedResults.NotFound();
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }

        return await ReviewPhotos.ServeAsync(response, store, photoId, thumbnail == true, cancellationToken);
    }

    private static async Task<Ok<FeedbackSettingsDto>> GetSettingsAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok(FeedbackSettingsDto.Of(await grains.GetGrain<IFeedbackSettingsGrain>(user.GetTenantId()).GetAsync()));

    private static async Task<Results<Ok<FeedbackSettingsDto>, ValidationProblem>> SetSettingsAsync(FeedbackSettingsRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var settings = grains.GetGrain<IFeedbackSettingsGrain>(user.GetTenantId());
        var current = await settings.GetAsync();
        var wanted = new FeedbackSettings(request.CsatCaseAtOrBelow ?? current.CsatCaseAtOrBelow, request.NpsCaseAtOrBelow ?? current.NpsCaseAtOrBelow, request.NpsEveryDays ?? current.NpsEveryDays);
        if (wanted.Problem() is { } problem) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["settings"] = [problem] });
        return TypedResults.Ok(FeedbackSettingsDto.Of(await settings.SetAsync(wanted)));
    }

    private static int? Days(int? days) => days switch { null => 30, >= 1 and <= MaxDays => days, _ => null };

    private static ValidationProblem DaysProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"The period is from 1 to {MaxDays} days."] });
}
