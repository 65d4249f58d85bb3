using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments.Money;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's money view in Chromium, over money put in the ledger through the product (invoices issued through the
/// API, payments recorded on the invoice grains): the figures a person reads, the charts with their tables, the period
/// filter, a CSV download and the drill-down to the customer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MoneyPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ADispatcher_ReadsWhatIsOwedAndPaid_FiltersThePeriod_DownloadsTheCsv_AndOpensTheCustomer()
    {
        using var app = MoneyScenario.NewApp();
        var address = app.StartOnLoopback();
        var s = await MoneyScenario.CreateAsync(app);
        await s.AddTheUsualMoneyAsync();
        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, s.Company, "/office/money/");
        await page.SetViewportSizeAsync(1440, 900);
        var problems = new PageProblems(page, "/api/v1/money/overview?from=2026-12-20");

        // The four figures first.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Money", Exact = true })).ToBeVisibleAsync();
        var kpis = page.GetByRole(AriaRole.Region, new() { Name = "Key figures" });
        await Assertions.Expect(kpis).ToContainTextAsync("Outstanding€260.00");
        await Assertions.Expect(kpis).ToContainTextAsync("Overdue€100.00");
        await Assertions.Expect(kpis).ToContainTextAsync("Payment success rate66.7%");
        await Assertions.Expect(kpis).ToContainTextAsync("Received this month€73.45");

        // Each chart with its numbers beside it, in a table a screen reader reads.
        var age = page.GetByRole(AriaRole.Region, new() { Name = "Outstanding by age" });
        await Assertions.Expect(age.Locator("canvas")).ToBeVisibleAsync();
        await Assertions.Expect(age.GetByRole(AriaRole.Row, new() { Name = "31–60 days" })).ToContainTextAsync("1€100.00");
        await Assertions.Expect(age.GetByRole(AriaRole.Row, new() { Name = "Not yet due" })).ToContainTextAsync("1€160.00");
        var payments = page.GetByRole(AriaRole.Region, new() { Name = "Payments by status" });
        await Assertions.Expect(payments.GetByRole(AriaRole.Row, new() { Name = "Succeeded" })).ToContainTextAsync("2€73.45");
        await Assertions.Expect(payments.GetByRole(AriaRole.Row, new() { Name = "Failed" })).ToContainTextAsync("1€123.45");
        var revenue = page.GetByRole(AriaRole.Region, new() { Name = "Revenue by month" });
        Assert.Equal(12, await revenue.GetByRole(AriaRole.Row).CountAsync() - 1);
        await Assertions.Expect(revenue.GetByRole(AriaRole.Row, new() { Name = "Dec 2026" })).ToContainTextAsync("€73.45€333.45");
        await Assertions.Expect(page.GetByText("No maintenance plans yet")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Failed payments" }))
            .ToContainTextAsync("No failed payments: none is being retried, and none was paid in the last 30 days.");
        var forecast = page.GetByRole(AriaRole.Region, new() { Name = "Forecast: the next three months" });
        await Assertions.Expect(forecast.GetByRole(AriaRole.Row, new() { Name = "Jan 2027" })).ToContainTextAsync("€0.00 (0)€111.15 (1)€111.15");
        await Assertions.Expect(forecast).ToContainTextAsync("average invoice issued in the last 90 days (€111.15, over 3 invoices)");
        var list = page.GetByRole(AriaRole.Region, new() { Name = "Outstanding invoices" });
        await Assertions.Expect(list.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(list.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("INV-00002Smith household1 Nov 202644 days late€100.00");

        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
            await WhatAPersonSees.AssertInsideAsync(age.Locator("canvas"), age, "the age chart");
            await WhatAPersonSees.AssertInsideAsync(revenue.Locator("canvas"), revenue, "the revenue chart");
            await WhatAPersonSees.AssertInsideAsync(forecast.Locator("canvas"), forecast, "the forecast chart");
            await WhatAPersonSees.AssertInsideAsync(list.GetByRole(AriaRole.Link), list, "the invoice links");
            await WhatAPersonSees.AssertAccessibleAsync(page);
            await WhatAPersonSees.ScreenshotAsync(page, "office-money");
        }

        // The CSV of what is owed, as of today.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Outstanding invoices (CSV)" }).ClickAsync());
        Assert.Equal("outstanding-2026-12-15.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("INV-00002,", csv, StringComparison.Ordinal);
        Assert.Contains(",100.00,EUR", csv, StringComparison.Ordinal);

        // A period the wrong way round is refused, under the field it names.
        await page.GetByLabel("From").FillAsync("2026-12-20");
        await page.GetByLabel("To").FillAsync("2026-12-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("From")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByText("must be on or before its last day")).ToBeVisibleAsync();

        // The first ten days of December: nothing was issued yet, nothing was attempted.
        await page.GetByLabel("From").FillAsync("2026-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/office/money/\?from=2026-12-01&to=2026-12-10$"));
        await Assertions.Expect(kpis).ToContainTextAsync("Outstanding€0.00");
        await Assertions.Expect(kpis).ToContainTextAsync("No payment succeeded or failed in the period");
        await Assertions.Expect(list.GetByText("Nothing is owed.")).ToBeVisibleAsync();
        await Assertions.Expect(revenue.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Payments of the period (CSV)" }))
            .ToHaveAttributeAsync("href", "/api/v1/money/payments.csv?from=2026-12-01&to=2026-12-10");

        // Back to the year, and down to the customer of the oldest invoice.
        await page.GotoAsync("/office/money/");
        await list.GetByRole(AriaRole.Link, new() { Name = "INV-00002" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/office/customers/#" + s.Customer.Id + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smith household" })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }
}
