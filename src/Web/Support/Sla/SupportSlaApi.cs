using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Sla;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Sla;

/// <summary>
/// The company's SLA (office staff: dispatchers): read and replace its opening hours, holidays and targets, and how the
/// cases kept them. Saving moves the due times of the company's open cases to the new settings.
/// </summary>
public static class SupportSlaApi
{
    /// <summary>How many open cases a save moves at once; more wait for their next change or settings save.</summary>
    public const int OpenCasesRefreshed = 1000;

    public const int MaxComplianceDays = 366;

    public static RouteGroupBuilder MapSupportSlaApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/sla").WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", GetAsync).WithSummary("The company's SLA: time zone, opening hours, holidays, targets per priority (business minutes), at-risk share.");
        group.MapPut("/", SetAsync).WithSummary(
            "Replaces the opening hours, holidays and targets; the open cases' due times follow. 400 for settings that cannot work (no open weekday, a first response due after the resolution...).");
        group.MapGet("/compliance", ComplianceAsync).WithSummary(
            $"How the cases opened between from and to (local dates, both included; the last 30 days by default; at most {MaxComplianceDays} days) kept each target.");
        return group;
    }

    private static async Task<Ok<SlaSettingsDto>> GetAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Sla(grains, user).GetPolicyAsync()).AsDto());

    private static async Task<Results<Ok<SlaSettingsDto>, ValidationProblem>> SetAsync(
        SlaSettingsRequest request, ClaimsPrincipal user, IClusterClient grains, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        if (request.Parse(validation) is not { } settings) return TypedResults.ValidationProblem(validation.Errors);
        var policy = await Sla(grains, user).SetAsync(settings);

        // Stored: the open cases take the new targets. Called from here, not from the settings grain, so no case calls
        // back into a settings grain that waits on it.
        var tenantId = user.GetTenantId();
        var open = await index.QueueAsync(tenantId, new SupportCaseQuery([CaseStatus.New, CaseStatus.Open, CaseStatus.WaitingOnCustomer, CaseStatus.Resolved]),
            OpenCasesRefreshed, cancellationToken);
        foreach (var batch in open.Chunk(20))
            await Task.WhenAll(batch.Select(row => grains.GetGrain<ICaseGrain>(TenantKeys.For(tenantId, row.CaseId)).RefreshSlaAsync(policy)));
        return TypedResults.Ok(policy.AsDto());
    }

    private static async Task<Results<Ok<SlaComplianceDto>, ValidationProblem>> ComplianceAsync(
        DateOnly? from, DateOnly? to, ClaimsPrincipal user, IClusterClient grains, ISupportCaseIndex index, DomainClock clock, CancellationToken cancellationToken)
    {
        var policy = await Sla(grains, user).GetPolicyAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var validation = new RequestValidation()
            .Require(from is null || Reportable(from.Value), "from", "The period's days are between 2000 and 2100.")
            .Require(to is null || Reportable(to.Value), "to", "The period's days are between 2000 and 2100.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var last = to ?? today;
        var first = from ?? last.AddDays(-29);
        validation
            .Require(first <= last, "from", "The period starts on or before its last day.")
            .Require(last.DayNumber - first.DayNumber < MaxComplianceDays, "to", $"A period is at most {MaxComplianceDays} days.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var c = await index.ComplianceAsync(user.GetTenantId(), MoneyPeriod.StartOf(first, zone), MoneyPeriod.StartOf(last.AddDays(1), zone), cancellationToken);
        return TypedResults.Ok(new SlaComplianceDto(first, last, c.Cases,
            SlaTargetComplianceDto.Of(c.FirstResponseMet, c.FirstResponseBreached), SlaTargetComplianceDto.Of(c.ResolutionMet, c.ResolutionBreached)));
    }

    // Far dates would overflow when turned into instants; nobody reports on them.
    private static bool Reportable(DateOnly day) => day.Year is >= 2000 and <= 2100;

    private static ISupportSlaGrain Sla(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<ISupportSlaGrain>(user.GetTenantId());
}
