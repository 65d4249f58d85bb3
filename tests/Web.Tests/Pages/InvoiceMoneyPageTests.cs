using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// An invoice's money on the office's job page, in Chromium: a paid invoice's line, a partial refund through the fake
/// Stripe that turns up on the line once its webhook confirms it, and a credit note refused for more than is due, said
/// next to the amount.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvoiceMoneyPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_RefundsPartOfAPaidInvoice_AndSeesItOnTheInvoicesLine(int width, int height)
    {
        using var app = new PortalFactory();
        StripeSetup.Configure(app, _stripe);
        var address = app.StartOnLoopback();
        _stripe.WebhookUrl = new Uri(address, StripeWebhookApi.Path);
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        var invoice = await IssueForJobAsync(s, job);
        await PayAsync(s, invoice.Id);

        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, s.Company, $"/office/jobs/?id={job}");
        await page.SetViewportSizeAsync(width, height);
        var item = page.Locator($"li.document[data-id='{invoice.Id}']");
        await Assertions.Expect(item.Locator(".badge")).ToHaveTextAsync("Paid");
        await item.GetByRole(AriaRole.Button, new() { Name = $"Money of {invoice.Number}" }).ClickAsync();
        var line = item.GetByRole(AriaRole.List, new() { Name = $"What happened to {invoice.Number}" });
        await Assertions.Expect(line.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(line.Locator("li").Nth(0)).ToContainTextAsync("Issued");
        await Assertions.Expect(line.Locator("li").Nth(1)).ToContainTextAsync("Paid€80.00");

        await item.GetByRole(AriaRole.Button, new() { Name = "Refund" }).ClickAsync();
        var form = item.GetByRole(AriaRole.Form, new() { Name = "Refund" });
        await form.GetByLabel("Amount (EUR)").FillAsync("30");
        await form.GetByLabel("Reason").FillAsync("One zone was not started");
        await form.GetByRole(AriaRole.Button, new() { Name = "Refund through Stripe" }).ClickAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Status).Filter(new() { HasText = "Refund asked" })).ToBeVisibleAsync();
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
        var toggle = item.Locator("button.money-toggle");
        await toggle.ClickAsync();
        await toggle.ClickAsync(); // opened again: read as the ledger has it now
        await Assertions.Expect(line.Locator("li").Nth(2)).ToContainTextAsync("Refunded€30.00");
        await Assertions.Expect(line.Locator("li").Nth(2)).ToContainTextAsync("One zone was not started");
        await Assertions.Expect(item.Locator(".money-sums")).ToContainTextAsync("€50.00");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"invoice-money-refunded-{width}");

        // Nothing is due on a paid invoice: no credit note or write-off is offered; on an open one, too much is refused.
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new() { Name = "Credit note" })).ToHaveCountAsync(0);
        var open = await IssueForJobAsync(s, job, "Second visit");
        await page.ReloadAsync();
        var second = page.Locator($"li.document[data-id='{open.Id}']");
        await second.GetByRole(AriaRole.Button, new() { Name = $"Money of {open.Number}" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Credit note" }).ClickAsync();
        var credit = second.GetByRole(AriaRole.Form, new() { Name = "Credit note" });
        await credit.GetByLabel("Amount (EUR)").FillAsync("99");
        await credit.GetByLabel("Reason").FillAsync("Goodwill");
        await credit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(credit.Locator(".field-error")).ToContainTextAsync("80.00 EUR");
        await Assertions.Expect(credit.GetByLabel("Amount (EUR)")).ToHaveAttributeAsync("aria-invalid", "true");
        await credit.GetByLabel("Amount (EUR)").FillAsync("20");
        await credit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.List).Filter(new() { HasText = "Credit note" })).ToContainTextAsync("Goodwill");
        await Assertions.Expect(second.Locator(".money-sums")).ToContainTextAsync("€60.00");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"invoice-money-credit-{width}");
    }

    private static async Task<InvoiceDto> IssueForJobAsync(DocumentScenario s, string job, string title = "Spring start-up")
    {
        using var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = s.Customer.Id, ticketId = job, title, currency = "EUR", dueDate = "2030-01-31",
            lines = new[] { new { description = "Start-up visit", quantity = 1m, unitAmount = 8000L } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!;
    }

    private async Task PayAsync(DocumentScenario s, string invoiceId)
    {
        using var response = await s.Owner.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds = new[] { invoiceId } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await StripeSetup.PayAsync((await response.Content.ReadFromJsonAsync<CheckoutDto>(ApiJson.Options))!.Url);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
    }
}
