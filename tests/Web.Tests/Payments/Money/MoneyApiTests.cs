using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Web.Payments.Money;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments.Money;

/// <summary>
/// The money view's API against money put in the ledger through the product: figures right to the cent, only the
/// caller's company, 400s that name the field, and CSV files that read back as written.
/// </summary>
public sealed class MoneyApiTests(MoneyApiTests.App app) : IClassFixture<MoneyApiTests.App>
{
    private readonly MoneyScenario _s = app.Money;
    private readonly App _app = app;

    /// <summary>
    /// One app and one company with <see cref="MoneyScenario.AddTheUsualMoneyAsync"/> for the class: the tests only read
    /// its money; those that need another company make one.
    /// </summary>
    public sealed class App : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = MoneyScenario.NewApp();

        public MoneyScenario Money { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Money = await MoneyScenario.CreateAsync(Factory);
            await Money.AddTheUsualMoneyAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task TheOverview_IsRightToTheCent_ForTheLast12MonthsToToday()
    {
        var overview = (await _s.Company.Dispatcher.GetFromJsonAsync<MoneyOverviewDto>("/api/v1/money/overview", ApiJson.Options))!;

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 15), "Europe/Lisbon", "EUR"),
            (overview.From, overview.To, overview.AsOf, overview.TimeZone, overview.Currency));
        var eur = Assert.Single(overview.Currencies);
        Assert.Equal((26_000L, 2, 10_000L, 2), (eur.Outstanding.Total, eur.Outstanding.Count, eur.Outstanding.Overdue, eur.Decimals));
        Assert.Equal([16_000L, 0L, 10_000L, 0L, 0L], eur.Outstanding.Buckets.Select(b => b.Amount));
        Assert.Equal([("INV-00002", 44, AgeBucket.Days31To60, 10_000L, "Smith household"), ("INV-00001", -5, AgeBucket.NotYetDue, 16_000L, "Smith household")],
            eur.Invoices.Select(i => (i.Number, i.DaysPastDue, i.Bucket, i.Due, i.CustomerName!)));
        Assert.Equal(_s.Customer.Id, eur.Invoices[0].CustomerId);
        Assert.Equal([(PaymentStatus.Processing, 0), (PaymentStatus.Succeeded, 2), (PaymentStatus.Failed, 1), (PaymentStatus.Canceled, 0)],
            eur.Payments.Statuses.Select(s => (s.Status, s.Count)));
        Assert.Equal(2.0 / 3.0, eur.Payments.SuccessRate!.Value, precision: 10);
        Assert.Equal(12, eur.Revenue.Count);
        Assert.Equal((2026, 12, 7_345L, 33_345L), (eur.Revenue[^1].Year, eur.Revenue[^1].Month, eur.Revenue[^1].Received, eur.Revenue[^1].Invoiced));
        Assert.Equal(7_345, eur.ReceivedThisMonth);
        Assert.False(eur.Plans.Available);

        // The forecast, from today: the one job in January at the average of the three invoices issued today.
        Assert.Equal((11_115L, 3), (eur.Forecast.AverageJobInvoice, eur.Forecast.InvoicesAveraged)); // (16 000 + 12 345 + 5 000) / 3
        Assert.Equal([(2026, 12, 0, 0L, 0L), (2027, 1, 1, 11_115L, 0L), (2027, 2, 0, 0L, 0L)],
            eur.Forecast.Months.Select(m => (m.Year, m.Month, m.ScheduledJobs, m.ScheduledJobsValue, m.PlanRenewals)));
    }

    [Fact]
    public async Task AnotherCompany_SeesOnlyItsOwnMoney_AndASignedOutVisitorNone()
    {
        var other = await MoneyScenario.CreateAsync(_app.Factory, "Jones household");
        await other.IssueAsync("Their invoice", 99_999, "2026-11-01");

        var theirs = (await other.Company.Dispatcher.GetFromJsonAsync<MoneyOverviewDto>("/api/v1/money/overview", ApiJson.Options))!;
        var csv = await other.Company.Dispatcher.GetStringAsync("/api/v1/money/outstanding.csv");
        var payments = await other.Company.Dispatcher.GetStringAsync("/api/v1/money/payments.csv");
        var ours = (await _s.Company.Dispatcher.GetFromJsonAsync<MoneyOverviewDto>("/api/v1/money/overview", ApiJson.Options))!;
        var anonymous = await _app.Factory.CreateClient().GetAsync("/api/v1/money/overview");

        var eur = Assert.Single(theirs.Currencies);
        Assert.Equal((99_999L, 1, (double?)null), (eur.Outstanding.Total, eur.Outstanding.Count, eur.Payments.SuccessRate));
        Assert.Equal(["Jones household"], eur.Invoices.Select(i => i.CustomerName));
        Assert.DoesNotContain("Smith", csv);
        Assert.Empty(ReadCsv(payments).Rows); // the header alone
        Assert.Equal((26_000L, 2), (ours.Currencies[0].Outstanding.Total, ours.Currencies[0].Outstanding.Count)); // theirs is not ours
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2026-12-02&to=2026-12-01", "from")]
    [InlineData("from=2020-01-01&to=2025-01-01", "to")]
    [InlineData("to=1999-12-31", "to")]
    public async Task ABadPeriod_Is400_NamingTheField(string query, string field)
    {
        await ValidationProblems.AssertNamesFieldAsync(await _s.Company.Dispatcher.GetAsync("/api/v1/money/overview?" + query), field);
        await ValidationProblems.AssertNamesFieldAsync(await _s.Company.Dispatcher.GetAsync("/api/v1/money/payments.csv?" + query), field);
    }

    [Fact]
    public async Task FiveYearsExactly_IsAllowed_AndABadAsOfIs400()
    {
        var response = await _s.Company.Dispatcher.GetAsync("/api/v1/money/overview?from=2021-12-16&to=2026-12-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(61, (await response.Content.ReadFromJsonAsync<MoneyOverviewDto>(ApiJson.Options))!.Currencies[0].Revenue.Count);
        await ValidationProblems.AssertNamesFieldAsync(await _s.Company.Dispatcher.GetAsync("/api/v1/money/outstanding.csv?asOf=15/12/2026"), "asOf");
    }

    [Fact]
    public async Task TheOutstandingCsv_ReadsBackWithAmountsInMajorUnits_AndItsOwnFileName()
    {
        var response = await _s.Company.Dispatcher.GetAsync("/api/v1/money/outstanding.csv");

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("outstanding-2026-12-15.csv", response.Content.Headers.ContentDisposition!.FileName);
        var (header, rows) = ReadCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["number", "invoice_id", "customer_id", "customer_name", "due_on", "days_past_due", "age", "amount_due", "currency"], header);
        Assert.Equal(
            [["INV-00002", "Smith household", "2026-11-01", "44", "31-60", "100.00", "EUR"], ["INV-00001", "Smith household", "2026-12-20", "-5", "not_yet_due", "160.00", "EUR"]],
            rows.Select(r => new[] { r["number"], r["customer_name"], r["due_on"], r["days_past_due"], r["age"], r["amount_due"], r["currency"] }));
    }

    [Fact]
    public async Task ThePaymentsCsv_ListsThePeriodsAttempts_WithTheirStatusAndAmount()
    {
        var response = await _s.Company.Dispatcher.GetAsync("/api/v1/money/payments.csv?from=2026-12-01&to=2026-12-31");

        Assert.Equal("payments-2026-12-01-2026-12-31.csv", response.Content.Headers.ContentDisposition!.FileName);
        var (header, rows) = ReadCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["payment_id", "created_at", "customer_id", "invoice_ids", "status", "method", "amount", "currency", "failure"], header);
        Assert.Equal(
            [["pi_declined", "2026-12-15T10:00:00+00:00", "failed", "123.45", "card_declined"], ["pi_late", "2026-12-15T11:00:00+00:00", "succeeded", "23.45", ""],
             ["pi_paid", "2026-12-15T11:00:00+00:00", "succeeded", "50.00", ""]],
            rows.Select(r => new[] { r["payment_id"], r["created_at"], r["status"], r["amount"], r["failure"] }));
        Assert.All(rows, r => Assert.Equal(("EUR", _s.Customer.Id), (r["currency"], r["customer_id"])));
    }

    [Fact]
    public async Task ACustomerNameThatASpreadsheetWouldRun_IsWrittenAsText()
    {
        var other = await MoneyScenario.CreateAsync(_app.Factory, "=HYPERLINK(\"http://example.com\")");
        await other.IssueAsync("Visit", 1_000, "2026-12-31");

        var (_, rows) = ReadCsv(await other.Company.Dispatcher.GetStringAsync("/api/v1/money/outstanding.csv"));

        Assert.Equal("'=HYPERLINK(\"http://example.com\")", Assert.Single(rows)["customer_name"]);
    }

    /// <summary>The CSV read back with CsvHelper: its header and each row by column name.</summary>
    private static (string[] Header, List<Dictionary<string, string>> Rows) ReadCsv(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = true });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetString(h)));
        return (header, rows);
    }
}
