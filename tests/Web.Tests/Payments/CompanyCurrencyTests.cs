using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments.Money;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// The company's currency (issue 15, item 1): set by the office as an active ISO 4217 code, read back with the company,
/// the currency of new documents and plans that name none, and the first in the money view. Documents already made keep theirs.
/// </summary>
public sealed class CompanyCurrencyTests
{
    private static readonly object[] Line = [new { description = "Visit", quantity = 1m, unitAmount = 8000L }];

    [Fact]
    public async Task TheOffice_SetsAnIsoCurrency_ReadsItBack_AndOnlyItsOwnCompanyChanges()
    {
        using var app = new PortalFactory();
        var a = await TenantScenario.CreateAsync(app);
        var b = await TenantScenario.CreateAsync(app, "Other Co");
        Assert.Equal("EUR", (await CompanyAsync(a)).Currency); // until the office sets one

        using var set = await a.Dispatcher.PutAsJsonAsync("/api/v1/company/currency", new { currency = "usd" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("USD", (await set.Content.ReadFromJsonAsync<CompanyDto>(ApiJson.Options))!.Currency);
        Assert.Equal("USD", (await CompanyAsync(a)).Currency);

        // B's dispatcher changes B's company, whatever they send: no request names another company.
        (await b.Dispatcher.PutAsJsonAsync("/api/v1/company/currency", new { currency = "GBP", tenantId = a.TenantId })).EnsureSuccessStatusCode();
        Assert.Equal(("USD", "GBP"), ((await CompanyAsync(a)).Currency, (await CompanyAsync(b)).Currency));

        foreach (var body in new object[] { new { currency = "EUX" }, new { currency = "eu" }, new { currency = (string?)null }, new { }, new { currency = "XXX" } })
            await ValidationProblems.AssertNamesFieldAsync(await a.Dispatcher.PutAsJsonAsync("/api/v1/company/currency", body), "currency");
        Assert.Equal("USD", (await CompanyAsync(a)).Currency); // unchanged

        using var anonymous = await app.CreateClient().PutAsJsonAsync("/api/v1/company/currency", new { currency = "GBP" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task DocumentsAndPlansWithoutACurrency_AreInTheCompanys_AndThoseMadeBeforeAChangeKeepTheirs()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var before = await IssueAsync(s, currency: null);
        Assert.Equal("EUR", before.Currency);

        (await s.Dispatcher.PutAsJsonAsync("/api/v1/company/currency", new { currency = "CHF" })).EnsureSuccessStatusCode();

        var invoice = await IssueAsync(s, currency: null);
        var named = await IssueAsync(s, currency: "gbp");
        using var estimate = await s.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = s.Customer.Id, title = "New controller", validUntil = DateTimeOffset.UtcNow.AddDays(30), lines = Line,
        });
        using var plan = await s.Dispatcher.PostAsJsonAsync("/api/v1/plans", new
        {
            name = "Care", price = 2500L, interval = "Month", intervalCount = 1, visitsPerPeriod = 1, visitMinutes = 60,
        });
        Assert.Equal(("CHF", "GBP"), (invoice.Currency, named.Currency));
        Assert.Equal("CHF", (await estimate.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!.Currency);
        var defined = (await plan.Content.ReadFromJsonAsync<PlanDto>(ApiJson.Options))!;
        Assert.Equal("CHF", defined.Currency);
        Assert.Equal("EUR", (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{before.Id}", ApiJson.Options))!.Currency);

        // A plan changed without a currency keeps its own, though the company has moved on.
        (await s.Dispatcher.PutAsJsonAsync("/api/v1/company/currency", new { currency = "USD" })).EnsureSuccessStatusCode();
        using var updated = await s.Dispatcher.PutAsJsonAsync($"/api/v1/plans/{defined.Id}", new
        {
            name = "Care+", price = 3000L, interval = "Month", intervalCount = 1, visitsPerPeriod = 1, visitMinutes = 60,
        });
        var changed = (await updated.Content.ReadFromJsonAsync<PlanDto>(ApiJson.Options))!;
        Assert.Equal(("Care+", "CHF"), (changed.Name, changed.Currency));

        // A code that is not ISO 4217 is refused, naming the field, wherever a currency is taken.
        await ValidationProblems.AssertNamesFieldAsync(await PostInvoiceAsync(s, "EUX"), "currency");
        await ValidationProblems.AssertNamesFieldAsync(await s.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = s.Customer.Id, title = "x", currency = "EUX", validUntil = DateTimeOffset.UtcNow.AddDays(30), lines = Line,
        }), "currency");
        await ValidationProblems.AssertNamesFieldAsync(await s.Dispatcher.PostAsJsonAsync("/api/v1/plans", new
        {
            name = "Care", price = 2500L, currency = "EUX", interval = "Month", intervalCount = 1, visitsPerPeriod = 1, visitMinutes = 60,
        }), "currency");
    }

    [Fact]
    public async Task TheMoneyView_ListsTheCompanysCurrencyFirst_AndItsEmptyFiguresWhenThereIsNoMoney()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        (await s.Dispatcher.PutAsJsonAsync("/api/v1/company/currency", new { currency = "USD" })).EnsureSuccessStatusCode();

        var empty = await OverviewAsync(s);
        Assert.Equal(("USD", 2), (Assert.Single(empty.Currencies).Currency, empty.Currencies[0].Decimals));
        Assert.Equal((0L, "USD"), (empty.Currencies[0].Outstanding.Total, empty.Currency));

        await IssueAsync(s, currency: "EUR");
        await IssueAsync(s, currency: "USD");
        await IssueAsync(s, currency: "AUD");

        var overview = await OverviewAsync(s);
        Assert.Equal("USD", overview.Currency);
        Assert.Equal(["USD", "AUD", "EUR"], overview.Currencies.Select(c => c.Currency));
        Assert.All(overview.Currencies, c => Assert.Equal(8000L, c.Outstanding.Total));
    }

    private static async Task<CompanyDto> CompanyAsync(TenantScenario company) =>
        (await company.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!;

    private static async Task<MoneyOverviewDto> OverviewAsync(DocumentScenario s) =>
        (await s.Dispatcher.GetFromJsonAsync<MoneyOverviewDto>("/api/v1/money/overview", ApiJson.Options))!;

    private static Task<HttpResponseMessage> PostInvoiceAsync(DocumentScenario s, string? currency) =>
        s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new { customerId = s.Customer.Id, title = "Visit", currency, dueDate = "2030-01-31", lines = Line });

    private static async Task<InvoiceDto> IssueAsync(DocumentScenario s, string? currency)
    {
        using var response = await PostInvoiceAsync(s, currency);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!;
    }
}
