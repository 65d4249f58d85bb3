using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments.Reports;

/// <summary>
/// The money view's forecast against hand-computed months, once per database (sealed subclasses): plan renewals fall on
/// their dates, scheduled jobs count at the recent average invoice, and nothing of another company or of the past counts.
/// </summary>
public abstract class MoneyForecastsTests(HistoryDatabase database) : IAsyncLifetime
{
    private const string Lisbon = "Europe/Lisbon";
    private static readonly DateOnly Today = new(2026, 12, 15);
    private PortalDatabase _tables = null!;
    private MoneyLedger _ledger = null!;
    private PlanSubscriptionIndex _plans = null!;
    private MoneyForecasts _forecasts = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _ledger = new MoneyLedger(_tables);
        _plans = new PlanSubscriptionIndex(_tables);
        _forecasts = new MoneyForecasts(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task Renewals_FallOnTheirDates_AndAnOverdueOneIsExpectedThisMonth()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        await SubscribeAsync(tenant, "monthly", 2_500, PlanInterval.Month, 1, PlanSubscriptionStatus.Active, Utc(2026, 12, 20));     // Dec 20, Jan 20, Feb 20
        await SubscribeAsync(tenant, "quarterly", 9_000, PlanInterval.Month, 3, PlanSubscriptionStatus.Active, Utc(2027, 1, 5));     // Jan 5 (Apr 5 is past the horizon)
        await SubscribeAsync(tenant, "yearly", 12_000, PlanInterval.Year, 1, PlanSubscriptionStatus.Active, Utc(2027, 6, 1));        // beyond three months
        await SubscribeAsync(tenant, "retrying", 3_000, PlanInterval.Month, 1, PlanSubscriptionStatus.PastDue, Utc(2026, 12, 1));   // due since Dec 1: Dec, then Jan 1, Feb 1
        await SubscribeAsync(tenant, "paused", 5_000, PlanInterval.Month, 1, PlanSubscriptionStatus.Paused, Utc(2026, 12, 20));
        await SubscribeAsync(tenant, "ending", 5_000, PlanInterval.Month, 1, PlanSubscriptionStatus.Active, Utc(2026, 12, 20), cancelAtPeriodEnd: true);
        await SubscribeAsync(other, "theirs", 99_000, PlanInterval.Month, 1, PlanSubscriptionStatus.Active, Utc(2026, 12, 20));

        var eur = Assert.Single(await _forecasts.ForecastAsync(new ForecastQuery(tenant, Today, Lisbon, [])));

        Assert.Equal("EUR", eur.Currency);
        Assert.Equal(
            [(2026, 12, 2, 5_500L), (2027, 1, 3, 14_500L), (2027, 2, 2, 5_500L)],
            eur.Months.Select(m => (m.Year, m.Month, m.Renewals, m.PlanRenewals)));
        Assert.All(eur.Months, m => Assert.Equal((0, 0L), (m.ScheduledJobs, m.ScheduledJobsValue)));
    }

    [Fact]
    public async Task ScheduledJobs_CountAtTheAverageInvoiceOfTheLast90Days_LeavingPlanInvoicesOut()
    {
        var tenant = NewTenant();
        await IssueAsync(tenant, "a", 10_000, Utc(2026, 10, 1), "dana@example.com");
        await IssueAsync(tenant, "b", 20_001, Utc(2026, 12, 15, 23, 59), "dana@example.com");   // today, late: counts
        await IssueAsync(tenant, "old", 90_000, Utc(2026, 9, 16, 22, 59), "dana@example.com");  // 23:59 in Lisbon (summer time) the day before the 90 days: out
        await IssueAsync(tenant, "plan", 50_000, Utc(2026, 11, 1), "stripe");                   // a plan period's invoice: out
        await IssueAsync(tenant, "usd", 7_000, Utc(2026, 11, 1), "dana@example.com", "USD");
        DateOnly[] jobs = [new(2026, 12, 10), new(2026, 12, 15), new(2026, 12, 31), new(2027, 1, 2), new(2027, 2, 28), new(2027, 3, 1)];

        var forecasts = await _forecasts.ForecastAsync(new ForecastQuery(tenant, Today, Lisbon, jobs));

        var eur = forecasts.Single(f => f.Currency == "EUR");
        Assert.Equal((15_001L, 2), (eur.AverageJobInvoice, eur.InvoicesAveraged)); // (10 000 + 20 001) / 2, rounded half away from zero
        // Dec 10 is past; Mar 1 beyond the three months.
        Assert.Equal([(2026, 12, 2, 30_002L), (2027, 1, 1, 15_001L), (2027, 2, 1, 15_001L)],
            eur.Months.Select(m => (m.Year, m.Month, m.ScheduledJobs, m.ScheduledJobsValue)));
        var usd = forecasts.Single(f => f.Currency == "USD");
        Assert.Equal((7_000L, 1), (usd.AverageJobInvoice, usd.InvoicesAveraged));
        Assert.All(usd.Months, m => Assert.Equal(0, m.ScheduledJobs)); // jobs are valued once, in the currency invoiced most
    }

    [Fact]
    public async Task ACompanyWithNothing_GetsThreeEmptyMonthsInTheDefaultCurrency()
    {
        var only = Assert.Single(await _forecasts.ForecastAsync(new ForecastQuery(NewTenant(), Today, Lisbon, [Today])));

        Assert.Equal(("EUR", 0L, 0), (only.Currency, only.AverageJobInvoice, only.InvoicesAveraged));
        Assert.Equal([(2026, 12, 1, 0L, 0L), (2027, 1, 0, 0L, 0L), (2027, 2, 0, 0L, 0L)],
            only.Months.Select(m => (m.Year, m.Month, m.ScheduledJobs, m.ScheduledJobsValue, m.PlanRenewals)));
    }

    [Fact]
    public async Task TheCompanysCurrency_IsForecastFirst_AndAloneWhenThereIsNothing()
    {
        var tenant = NewTenant();
        await IssueAsync(tenant, "eur", 10_000, Utc(2026, 11, 1), "dana@example.com");
        await IssueAsync(tenant, "usd", 7_000, Utc(2026, 11, 1), "dana@example.com", "USD");

        var forecasts = await _forecasts.ForecastAsync(new ForecastQuery(tenant, Today, Lisbon, [], "USD"));
        var none = await _forecasts.ForecastAsync(new ForecastQuery(NewTenant(), Today, Lisbon, [], "CHF"));

        Assert.Equal(["USD", "EUR"], forecasts.Select(f => f.Currency));
        Assert.Equal(("CHF", 3), (Assert.Single(none).Currency, none[0].Months.Count));
    }

    private Task<LedgerEntry> IssueAsync(string tenant, string invoice, long amount, DateTimeOffset at, string actor, string currency = "EUR") =>
        _ledger.IssueAsync(new NewLedgerEntry(tenant, invoice, "customer", null, LedgerKind.Issued, amount, currency, at, actor, null, DueOn: DateOnly.FromDateTime(at.UtcDateTime)));

    private Task SubscribeAsync(string tenant, string id, long price, PlanInterval interval, int count, PlanSubscriptionStatus status, DateTimeOffset paidUntil, bool cancelAtPeriodEnd = false)
    {
        var plan = new MaintenancePlan("plan-" + id, new NewMaintenancePlan("Gold", null, price, "EUR", interval, count, 2, 60, []), Active: true);
        var period = new PlanPeriod(paidUntil.AddMonths(-plan.PeriodMonths), paidUntil, "in_" + id, "inv-" + id, "series-" + id);
        return _plans.UpsertAsync(tenant, new PlanSubscriptionSnapshot(id, "customer", "site", plan, status, "sub_" + id, cancelAtPeriodEnd, [period], 0, paidUntil.AddYears(-1), "dana@example.com"));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 9, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string NewTenant() => "forecast-" + Guid.NewGuid().ToString("N");
}
