using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// <see cref="IMoneyForecasts"/> from two queries: the plans that will renew (<c>plan_subscriptions</c>) and the average
/// invoice the office issued lately (<c>money_ledger</c>); the jobs' days come with the query.
/// </summary>
public sealed class MoneyForecasts(PortalDatabase database) : IMoneyForecasts
{
    // Invoices the office issued: a plan period's invoice is issued by "stripe" when Stripe bills it, and a plan's money
    // is already counted by its renewals.
    private const string PlanBiller = "stripe";

    public async Task<IReadOnlyList<MoneyForecast>> ForecastAsync(ForecastQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        var months = Months(query.Today, zone);
        var averages = await AveragesAsync(query, zone, cancellationToken);
        var plans = await RenewingPlansAsync(query.TenantId, cancellationToken);

        var currencies = ReportCurrencies.Arrange(averages.Keys.Concat(plans.Select(p => p.Currency)), query.Currency);
        // Jobs have no currency: they are counted in the one the office invoices most in (the first without invoices),
        // and only there, so that no job is counted twice.
        var jobsCurrency = averages.OrderByDescending(a => a.Value.Count).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).FirstOrDefault() ?? currencies[0];

        return [.. currencies.Select(currency =>
        {
            var (count, average) = averages.GetValueOrDefault(currency);
            var renewals = plans.Where(p => p.Currency == currency).SelectMany(p => Renewals(p, months)).ToList();
            return new MoneyForecast(currency, average, count, [.. months.Select(m =>
            {
                var jobs = currency == jobsCurrency ? query.ScheduledJobDays.Count(d => d >= query.Today && d.Year == m.Year && d.Month == m.Month) : 0;
                var renewing = renewals.Where(r => r.Month == m).ToList();
                return new ForecastMonth(m.Year, m.Month, jobs, checked(jobs * average), renewing.Count, renewing.Sum(r => r.Price));
            })]);
        })];
    }

    /// <summary>Today's month from today, then whole months, as instants in the company's zone.</summary>
    private static List<ReportMonth> Months(DateOnly today, TimeZoneInfo zone)
    {
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(MoneyForecast.MonthsAhead).AddDays(-1);
        return [.. new MoneyPeriod("", today, last, today, zone.Id).Months()];
    }

    /// <summary>
    /// Where a plan's renewals fall: at the end of each paid period. One already due (a renewal being retried, or not
    /// yet reported) is expected in today's month; later ones every period from then.
    /// </summary>
    private static IEnumerable<(ReportMonth Month, long Price)> Renewals(RenewingPlan plan, List<ReportMonth> months)
    {
        var next = plan.PaidUntil;
        if (next < months[0].Start)
        {
            yield return (months[0], plan.Price);
            while (next < months[0].End) next = next.AddMonths(plan.PeriodMonths);
        }

        for (; next < months[^1].End; next = next.AddMonths(plan.PeriodMonths))
            if (months.FirstOrDefault(m => next >= m.Start && next < m.End) is { } month) yield return (month, plan.Price);
    }

    private async Task<Dictionary<string, (int Count, long Average)>> AveragesAsync(ForecastQuery query, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT currency, COUNT(*), CAST(SUM(amount) AS bigint) FROM money_ledger " +
            "WHERE tenant_id = @tenant AND kind = 'issued' AND actor <> @biller AND at >= @from AND at < @to GROUP BY currency",
            a => a.Add("@tenant", query.TenantId).Add("@biller", PlanBiller)
                .AddTime("@from", MoneyPeriod.StartOf(query.Today.AddDays(1 - MoneyForecast.AverageOverDays), zone))
                .AddTime("@to", MoneyPeriod.StartOf(query.Today.AddDays(1), zone)),
            r => (Currency: r.GetString(0), Count: (int)PortalDatabase.ReadLong(r, 1), Sum: PortalDatabase.ReadLong(r, 2)), cancellationToken);
        return rows.ToDictionary(r => r.Currency, r => (r.Count, (long)Math.Round((decimal)r.Sum / r.Count, MidpointRounding.AwayFromZero)), StringComparer.Ordinal);
    }

    // Active and past-due plans renew (a past-due one is being retried); paused, canceled and ending ones do not.
    private async Task<List<RenewingPlan>> RenewingPlansAsync(string tenantId, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT currency, price, period_months, paid_until FROM plan_subscriptions " +
            "WHERE tenant_id = @tenant AND status IN ('active', 'past_due') AND cancel_at_period_end = @no AND paid_until IS NOT NULL",
            a => a.Add("@tenant", tenantId).Add("@no", false),
            r => new RenewingPlan(r.GetString(0), PortalDatabase.ReadLong(r, 1), (int)PortalDatabase.ReadLong(r, 2), database.ReadTime(r, 3)), cancellationToken);

    private sealed record RenewingPlan(string Currency, long Price, int PeriodMonths, DateTimeOffset PaidUntil);
}
