using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments.Reports;

/// <summary>
/// The money view's figures against hand-computed sums, run once per database by the sealed subclasses; each test
/// writes its own company's ledger rows and payment attempts, plus another company's that must never count.
/// </summary>
public abstract class MoneyReportsTests(HistoryDatabase database) : IAsyncLifetime
{
    private const string Lisbon = "Europe/Lisbon";
    private const string Berlin = "Europe/Berlin";
    private static readonly DateTimeOffset Issued = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private PortalDatabase _tables = null!;
    private MoneyLedger _ledger = null!;
    private PaymentRecords _payments = null!;
    private MoneyReports _reports = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _ledger = new MoneyLedger(_tables);
        _payments = new PaymentRecords(_tables);
        _reports = new MoneyReports(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task Outstanding_IsAgedByDaysPastTheDueDate_AsOfTheEndOfTheDay()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        await IssueAsync(tenant, "a", 10_000, Due(2026, 12, 20));                         // d = -5: not yet due
        await IssueAsync(tenant, "b", 20_000, Due(2026, 12, 15));                         // d = 0: 0-30, due today, not overdue
        await IssueAsync(tenant, "c", 30_000, Due(2026, 11, 15));                         // d = 30: 0-30
        await AppendAsync(tenant, "c", (LedgerKind.PartiallyPaid, 5_000, "pi_c1", Issued.AddDays(10)));
        await AppendAsync(tenant, "c", (LedgerKind.Paid, 25_000, "pi_c2", Utc(2026, 12, 16, 0, 30))); // after the as-of day (Lisbon is UTC+0 in December): still owed then
        await IssueAsync(tenant, "d", 40_000, Due(2026, 11, 14));                         // d = 31: 31-60
        await IssueAsync(tenant, "e", 50_000, Due(2026, 9, 16));                          // d = 90: 61-90
        await AppendAsync(tenant, "e", (LedgerKind.Credited, 10_000, "cn_e", Issued.AddDays(3)));
        await IssueAsync(tenant, "f", 60_000, Due(2026, 9, 15));                          // paid, half refunded with its credit note: nothing due
        await AppendAsync(tenant, "f", (LedgerKind.Paid, 60_000, "pi_f", Issued.AddDays(1)),
            (LedgerKind.Refunded, 30_000, "re_f", Issued.AddDays(2)), (LedgerKind.Credited, 30_000, "re_f:credit", Issued.AddDays(2)));
        await IssueAsync(tenant, "g", 70_000, Due(2026, 9, 15));                          // d = 91: over 90
        await IssueAsync(tenant, "h", 80_000, Due(2026, 8, 1));                           // written off: nothing due
        await AppendAsync(tenant, "h", (LedgerKind.WrittenOff, 80_000, "wo_h", Issued.AddDays(5)));
        await IssueAsync(tenant, "late", 90_000, Due(2026, 9, 1), Utc(2026, 12, 16, 0, 30)); // issued after the as-of day
        await IssueAsync(other, "theirs", 99_000, Due(2026, 9, 1));

        var overview = await _reports.OverviewAsync(Period(tenant, Lisbon, asOf: new DateOnly(2026, 12, 15)));
        var list = await _reports.OutstandingAsync(Period(tenant, Lisbon, asOf: new DateOnly(2026, 12, 15)));

        var eur = Assert.Single(overview.Currencies);
        Assert.Equal("EUR", eur.Currency);
        Assert.Equal(
            [(AgeBucket.NotYetDue, 1, 10_000L), (AgeBucket.Days0To30, 2, 45_000L), (AgeBucket.Days31To60, 1, 40_000L), (AgeBucket.Days61To90, 1, 40_000L), (AgeBucket.Over90, 1, 70_000L)],
            eur.Outstanding.Buckets.Select(b => (b.Bucket, b.Count, b.Amount)));
        Assert.Equal((205_000L, 6, 175_000L), (eur.Outstanding.Total, eur.Outstanding.Count, eur.Outstanding.Overdue));
        Assert.Equal(["g", "e", "d", "c", "b", "a"], list.Select(i => i.InvoiceId)); // oldest due date first
        Assert.Equal([91, 90, 31, 30, 0, -5], list.Select(i => i.DaysPastDue));
        var c = list.Single(i => i.InvoiceId == "c");
        Assert.Equal((25_000L, Due(2026, 11, 15), "customer-c", "EUR", AgeBucket.Days0To30), (c.Due, c.DueOn, c.CustomerId, c.Currency, c.Bucket));
        Assert.Equal(3, c.Number); // the company's third invoice
        Assert.Null(c.CustomerName); // not in the customer directory

        // A day later the late payment has settled c, and "late" is owed, 106 days past its due date.
        var next = await _reports.OutstandingAsync(Period(tenant, Lisbon, asOf: new DateOnly(2026, 12, 16)));
        Assert.DoesNotContain(next, i => i.InvoiceId == "c");
        Assert.Contains(next, i => i.InvoiceId == "late" && i.DaysPastDue == 106 && i.Bucket == AgeBucket.Over90);
    }

    [Fact]
    public async Task PaymentsAreCountedByStatus_AndTheSuccessRateLeavesOutCanceledAndProcessing()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        var december = At(2026, 12, 1, 0, 30); // Berlin: 1 December 00:30 is 30 November 23:30 UTC
        await AttemptAsync(tenant, "pi_1", PaymentStatus.Succeeded, 1_000, december);
        await AttemptAsync(tenant, "pi_2", PaymentStatus.Succeeded, 2_000, december.AddDays(3));
        await AttemptAsync(tenant, "pi_3", PaymentStatus.Succeeded, 3_000, december.AddDays(30));
        await AttemptAsync(tenant, "pi_4", PaymentStatus.Failed, 500, december.AddDays(4));
        await AttemptAsync(tenant, "pi_5", PaymentStatus.Canceled, 700, december.AddDays(5));
        await AttemptAsync(tenant, "pi_6", PaymentStatus.Canceled, 800, december.AddDays(6));
        await AttemptAsync(tenant, "pi_7", PaymentStatus.Processing, 900, december.AddDays(7));
        await AttemptAsync(tenant, "pi_before", PaymentStatus.Failed, 400, december.AddHours(-1)); // 30 November in Berlin
        await AttemptAsync(tenant, "pi_usd", PaymentStatus.Succeeded, 4_200, december.AddDays(2), "USD");
        await AttemptAsync(other, "pi_theirs", PaymentStatus.Failed, 9_900, december.AddDays(2));

        var overview = await _reports.OverviewAsync(Period(tenant, Berlin, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));

        Assert.Equal(["EUR", "USD"], overview.Currencies.Select(c => c.Currency));
        var eur = overview.Currencies[0].Payments;
        Assert.Equal(
            [(PaymentStatus.Processing, 1, 900L), (PaymentStatus.Succeeded, 3, 6_000L), (PaymentStatus.Failed, 1, 500L), (PaymentStatus.Canceled, 2, 1_500L)],
            eur.Statuses.Select(s => (s.Status, s.Count, s.Amount)));
        Assert.Equal(0.75, eur.SuccessRate);
        var usd = overview.Currencies[1].Payments;
        Assert.Equal((1, 4_200L, 1.0), (usd.Statuses.Single(s => s.Status == PaymentStatus.Succeeded).Count, usd.Statuses.Sum(s => s.Amount), usd.SuccessRate));
    }

    [Fact]
    public async Task RevenueIsSummedByCalendarMonthInTheCompanysZone_WithRefundsAndCreditNotesInTheMonthTheyHappen()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        await IssueAsync(tenant, "x", 10_000, Due(2026, 11, 1), At(2026, 10, 5, 10, 0));
        await AppendAsync(tenant, "x", (LedgerKind.Paid, 10_000, "pi_x", At(2026, 10, 20, 10, 0)));
        await AppendAsync(tenant, "x", (LedgerKind.Refunded, 3_000, "re_x", At(2026, 12, 3, 10, 0)), (LedgerKind.Credited, 3_000, "re_x:credit", At(2026, 12, 3, 10, 0)));
        await IssueAsync(tenant, "y", 5_000, Due(2027, 1, 1), At(2026, 12, 1, 0, 30));   // 30 November 23:30 UTC: December in Berlin
        await AppendAsync(tenant, "y", (LedgerKind.PartiallyPaid, 2_000, "pi_y", At(2027, 1, 1, 0, 30))); // January in Berlin: after the period
        await IssueAsync(tenant, "z", 8_000, Due(2026, 12, 1), At(2026, 11, 10, 10, 0));
        await AppendAsync(tenant, "z", (LedgerKind.Credited, 1_000, "cn_z", At(2026, 11, 12, 10, 0)));
        await IssueAsync(tenant, "w", 4_000, Due(2026, 11, 1), At(2026, 10, 1, 0, 30));  // 30 September 22:30 UTC (summer time): October in Berlin
        await IssueAsync(tenant, "v", 6_000, Due(2026, 11, 1), At(2026, 9, 30, 23, 59)); // September: before the period
        await IssueAsync(other, "theirs", 7_000, Due(2026, 11, 1), At(2026, 11, 5, 10, 0));

        var overview = await _reports.OverviewAsync(Period(tenant, Berlin, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 15)));

        var eur = Assert.Single(overview.Currencies);
        Assert.Equal([(2026, 10, 10_000L, 14_000L), (2026, 11, 0L, 7_000L), (2026, 12, -3_000L, 2_000L)], eur.Revenue.Select(m => (m.Year, m.Month, m.Received, m.Invoiced)));
        Assert.Equal(-3_000, eur.ReceivedThisMonth); // 1 to 15 December: the refund, nothing received
    }

    [Fact]
    public async Task ACompanyWithNoMoneyYet_GetsTheDefaultCurrencyWithZeros_AndNoPlans()
    {
        var overview = await _reports.OverviewAsync(Period(NewTenant(), Lisbon, asOf: new DateOnly(2026, 12, 15)));

        var eur = Assert.Single(overview.Currencies);
        Assert.Equal(("EUR", 0L, 0, 0L, (double?)null), (eur.Currency, eur.Outstanding.Total, eur.Outstanding.Count, eur.ReceivedThisMonth, eur.Payments.SuccessRate));
        Assert.Equal(5, eur.Outstanding.Buckets.Count);
        Assert.Equal(12, eur.Revenue.Count);
        Assert.All(eur.Revenue, m => Assert.Equal((0L, 0L), (m.Received, m.Invoiced)));
        Assert.Equal((false, 0, 0L), (eur.Plans.Available, eur.Plans.ActivePlans, eur.Plans.MonthlyRecurring));
    }

    [Fact]
    public async Task AnInvoiceInAnotherCurrency_IsOwedInItsOwnFigures()
    {
        var tenant = NewTenant();
        await IssueAsync(tenant, "eur", 10_000, Due(2026, 12, 1));
        await IssueAsync(tenant, "usd", 25_000, Due(2026, 12, 1), currency: "USD");

        var overview = await _reports.OverviewAsync(Period(tenant, Lisbon, asOf: new DateOnly(2026, 12, 15)));

        Assert.Equal([("EUR", 10_000L), ("USD", 25_000L)], overview.Currencies.Select(c => (c.Currency, c.Outstanding.Total)));
        Assert.Equal([("EUR", 10_000L), ("USD", 25_000L)], overview.Currencies.Select(c => (c.Currency, c.Revenue.Sum(m => m.Invoiced))));
    }

    [Fact]
    public async Task TheCompanysCurrency_IsListedFirst_AndAloneWithZerosWhenThereIsNoMoney()
    {
        var tenant = NewTenant();
        await IssueAsync(tenant, "eur", 10_000, Due(2026, 12, 1));
        await IssueAsync(tenant, "gbp", 5_000, Due(2026, 12, 1), currency: "GBP");
        await IssueAsync(tenant, "usd", 25_000, Due(2026, 12, 1), currency: "USD");

        var dollars = await _reports.OverviewAsync(Period(tenant, Lisbon, asOf: new DateOnly(2026, 12, 15)) with { Currency = "USD" });
        var nothing = await _reports.OverviewAsync(Period(NewTenant(), Lisbon, asOf: new DateOnly(2026, 12, 15)) with { Currency = "GBP" });

        Assert.Equal([("USD", 25_000L), ("EUR", 10_000L), ("GBP", 5_000L)], dollars.Currencies.Select(c => (c.Currency, c.Outstanding.Total)));
        var pounds = Assert.Single(nothing.Currencies);
        Assert.Equal(("GBP", 0L, 12), (pounds.Currency, pounds.Outstanding.Total, pounds.Revenue.Count));
    }

    [Fact]
    public async Task Mrr_AddsTheMonthlyPriceOfActiveAndPastDuePlans_PerCurrency()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        var plans = new PlanSubscriptionIndex(_tables);
        await plans.UpsertAsync(tenant, Subscription("yearly", Plan(12_000, "EUR", PlanInterval.Year, 1), PlanSubscriptionStatus.Active));      // 1 000 a month
        await plans.UpsertAsync(tenant, Subscription("monthly", Plan(2_500, "EUR", PlanInterval.Month, 1), PlanSubscriptionStatus.PastDue));    // 2 500
        await plans.UpsertAsync(tenant, Subscription("quarterly", Plan(9_000, "EUR", PlanInterval.Month, 3), PlanSubscriptionStatus.Active));  // 3 000
        await plans.UpsertAsync(tenant, Subscription("paused", Plan(5_000, "EUR", PlanInterval.Month, 1), PlanSubscriptionStatus.Paused));
        await plans.UpsertAsync(tenant, Subscription("ended", Plan(5_000, "EUR", PlanInterval.Month, 1), PlanSubscriptionStatus.Canceled));
        await plans.UpsertAsync(tenant, Subscription("unpaid", Plan(5_000, "EUR", PlanInterval.Month, 1), PlanSubscriptionStatus.AwaitingPayment));
        await plans.UpsertAsync(tenant, Subscription("dollars", Plan(4_000, "USD", PlanInterval.Month, 2), PlanSubscriptionStatus.Active));     // 2 000 USD
        await plans.UpsertAsync(other, Subscription("theirs", Plan(99_000, "EUR", PlanInterval.Month, 1), PlanSubscriptionStatus.Active));

        var overview = await _reports.OverviewAsync(Period(tenant, Lisbon, asOf: new DateOnly(2026, 12, 15)));

        Assert.Equal([("EUR", true, 3, 6_500L), ("USD", true, 1, 2_000L)],
            overview.Currencies.Select(c => (c.Currency, c.Plans.Available, c.Plans.ActivePlans, c.Plans.MonthlyRecurring)));
    }

    [Fact]
    public void APeriodsMonths_AreClippedToIt_AndStartAtTheCompanysMidnight()
    {
        var months = new MoneyPeriod("t", new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), Berlin).Months();

        Assert.Equal(
            [(2026, 10, At(2026, 10, 15, 0, 0), At(2026, 11, 1, 0, 0)), (2026, 11, At(2026, 11, 1, 0, 0), At(2026, 11, 11, 0, 0))],
            months.Select(m => (m.Year, m.Month, m.Start, m.End)));
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 22, 0, 0, TimeSpan.Zero), months[0].Start); // summer time, UTC+2
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), months[0].End);   // winter time, UTC+1
    }

    private Task<LedgerEntry> IssueAsync(string tenant, string invoice, long amount, DateOnly due, DateTimeOffset? at = null, string currency = "EUR") =>
        _ledger.IssueAsync(new NewLedgerEntry(tenant, invoice, "customer-" + invoice, null, LedgerKind.Issued, amount, currency, at ?? Issued, "dana@example.com", null, DueOn: due));

    private Task<IReadOnlyList<LedgerEntry>> AppendAsync(string tenant, string invoice, params (LedgerKind Kind, long Amount, string Source, DateTimeOffset At)[] rows) =>
        _ledger.AppendAsync([.. rows.Select(r => new NewLedgerEntry(tenant, invoice, "customer-" + invoice, null, r.Kind, r.Amount, "EUR", r.At, "stripe", r.Source))]);

    private Task AttemptAsync(string tenant, string id, PaymentStatus status, long amount, DateTimeOffset created, string currency = "EUR") =>
        _payments.RecordAsync(new PaymentRecord(tenant, id, "customer", ["inv"], amount, currency, "card", status, null, created, created));

    private static MaintenancePlan Plan(long price, string currency, PlanInterval interval, int count) =>
        new("plan-" + Guid.NewGuid().ToString("N"), new NewMaintenancePlan("Gold", null, price, currency, interval, count, 2, 60, []), Active: true);

    private static PlanSubscriptionSnapshot Subscription(string id, MaintenancePlan plan, PlanSubscriptionStatus status) =>
        new(id, "customer", "site", plan, status, null, false, [], 0, Issued, "dana@example.com");

    private static MoneyPeriod Period(string tenant, string zone, DateOnly? from = null, DateOnly? to = null, DateOnly? asOf = null)
    {
        var day = asOf ?? to ?? new DateOnly(2026, 12, 15);
        return new MoneyPeriod(tenant, from ?? new DateOnly(day.Year, day.Month, 1).AddMonths(-11), to ?? day, day, zone);
    }

    private static DateOnly Due(int year, int month, int day) => new(year, month, day);

    /// <summary>A wall-clock time in Berlin (the zone of the month tests), as an instant.</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Berlin);
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string NewTenant() => "reports-" + Guid.NewGuid().ToString("N");
}
