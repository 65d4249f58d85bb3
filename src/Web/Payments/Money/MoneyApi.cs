using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// The office's money view (issue 15, item 9): what is owed and how old, payment attempts and their success rate,
/// revenue by month, and CSV exports. Dispatchers only; the company is always the signed-in dispatcher's.
/// </summary>
public static class MoneyApi
{
    public static RouteGroupBuilder MapMoneyApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/money").WithTags("Money").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/overview", GetOverviewAsync)
            .WithSummary("Every figure of the money view for ?from= to ?to= (yyyy-MM-dd, at most five years; the last 12 months by default), per currency.");
        group.MapGet("/outstanding.csv", GetOutstandingCsvAsync)
            .WithSummary("The invoices with something due as of ?asOf= (yyyy-MM-dd, today by default), as CSV.");
        group.MapGet("/payments.csv", GetPaymentsCsvAsync)
            .WithSummary("The payment attempts created from ?from= to ?to=, as CSV.");
        return group;
    }

    private static async Task<Results<Ok<MoneyOverviewDto>, ValidationProblem>> GetOverviewAsync(
        string? from, string? to, ClaimsPrincipal user, IClusterClient grains, IMoneyReports reports, IMoneyForecasts forecaster, DomainClock clock,
        CancellationToken cancellationToken)
    {
        var (zone, today) = await CompanyTodayAsync(user, grains, clock);
        var (read, errors) = MoneyPeriodQuery.Read(user.GetTenantId(), from, to, today, zone.Id);
        if (read is null) return TypedResults.ValidationProblem(errors!);
        var currency = await CompanyCurrency.OfAsync(grains, user.GetTenantId());
        var period = read with { Currency = currency };
        var overview = await reports.OverviewAsync(period, cancellationToken);
        var outstanding = await reports.OutstandingAsync(period, cancellationToken);
        // The forecast looks ahead from today, whatever period the page shows.
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(MoneyForecast.MonthsAhead).AddDays(-1);
        var jobs = await ScheduledJobDays.ReadAsync(grains.GetGrain<IDispatchGrain>(user.GetTenantId()), today, last);
        var forecasts = await forecaster.ForecastAsync(new ForecastQuery(user.GetTenantId(), today, zone.Id, jobs, currency), cancellationToken);
        return TypedResults.Ok(MoneyOverviewDto.Of(overview, outstanding, forecasts));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetOutstandingCsvAsync(
        string? asOf, ClaimsPrincipal user, IClusterClient grains, IMoneyReports reports, DomainClock clock, HttpContext http)
    {
        var (zone, today) = await CompanyTodayAsync(user, grains, clock);
        var (day, errors) = MoneyPeriodQuery.ReadDay(asOf, "asOf", today);
        if (day is not { } d) return TypedResults.ValidationProblem(errors!);
        var invoices = await reports.OutstandingAsync(new MoneyPeriod(user.GetTenantId(), d, d, d, zone.Id), http.RequestAborted);
        return MoneyCsv.Outstanding(invoices, d, http);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetPaymentsCsvAsync(
        string? from, string? to, ClaimsPrincipal user, IClusterClient grains, IPaymentRecords payments, DomainClock clock, HttpContext http)
    {
        var (zone, today) = await CompanyTodayAsync(user, grains, clock);
        var (period, errors) = MoneyPeriodQuery.Read(user.GetTenantId(), from, to, today, zone.Id);
        if (period is null) return TypedResults.ValidationProblem(errors!);
        var rows = await payments.ForTenantAsync(period.TenantId, MoneyPeriod.StartOf(period.From, zone), MoneyPeriod.StartOf(period.To.AddDays(1), zone), http.RequestAborted);
        return MoneyCsv.Payments(rows, period, zone, http);
    }

    // The company's zone decides what "today" and a month are.
    private static async Task<(TimeZoneInfo Zone, DateOnly Today)> CompanyTodayAsync(ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await grains.GetGrain<IDispatchGrain>(user.GetTenantId()).GetSettingsAsync()).TimeZone);
        return (zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime));
    }
}
