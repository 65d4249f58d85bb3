using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>
/// Pausing and resuming a plan, the same from the portal and the office once the caller may change the plan: the
/// checks, then Stripe. The answer is 202: the plan shows the change when Stripe's webhook reports it.
/// </summary>
public static class PlanPausing
{
    /// <summary>The furthest a resume date may lie ahead: a longer break is ending the plan.</summary>
    public const int MaxMonthsAhead = 3;

    private static readonly string ResumeDateRule = $"The resume date is a day (yyyy-MM-dd) after today and at most {MaxMonthsAhead} months ahead, or none.";

    /// <summary>
    /// A request whose resume date is not a day at all: refused before any plan is looked up, so a malformed body is a
    /// 400 whichever plan it names.
    /// </summary>
    public static ValidationProblem? Malformed(PauseRequest? request) =>
        request?.ResumesAt is { } text && ResumeDay(text) is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["resumesAt"] = [ResumeDateRule] })
            : null;

    private static DateOnly? ResumeDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ValidationProblem, ProblemHttpResult>> PauseAsync(
        PlanSubscriptionSnapshot subscription, PauseRequest? request, string tenantId, string location, IClusterClient grains, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()).TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(services.GetRequiredService<DomainClock>().GetUtcNow(), zone).DateTime);
        DateOnly? resumesOn = null;
        if (request?.ResumesAt is { } text)
        {
            resumesOn = ResumeDay(text);
            if (resumesOn is not { } d || d <= today || d > today.AddMonths(MaxMonthsAhead))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["resumesAt"] = [ResumeDateRule] });
        }

        if (subscription.ProviderSubscriptionId is null || subscription.Status is not (PlanSubscriptionStatus.Active or PlanSubscriptionStatus.Paused))
            return TypedResults.Problem("Only an active plan can be paused.", statusCode: StatusCodes.Status409Conflict);
        var resumesAt = resumesOn is { } on ? MoneyPeriod.StartOf(on, zone) : (DateTimeOffset?)null; // that day's start, as the company's clocks read
        await services.GetRequiredService<StripePlanBilling>().PauseAsync(tenantId, subscription, resumesAt, cancellationToken);
        return TypedResults.Accepted(location, PlanSubscriptionDto.Of(subscription));
    }

    public static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        PlanSubscriptionSnapshot subscription, string tenantId, string location, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (subscription.ProviderSubscriptionId is null || subscription.Status != PlanSubscriptionStatus.Paused)
            return TypedResults.Problem("Only a paused plan can be resumed.", statusCode: StatusCodes.Status409Conflict);
        await services.GetRequiredService<StripePlanBilling>().ResumeAsync(tenantId, subscription, cancellationToken);
        return TypedResults.Accepted(location, PlanSubscriptionDto.Of(subscription));
    }
}
