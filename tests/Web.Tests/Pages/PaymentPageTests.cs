using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments.Money;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Paying an invoice as a customer does it, in Chromium: the portal's Pay button, Stripe's hosted page (the fake's),
/// back to the portal where the invoice turns Paid once Stripe's webhook says so; the receipt reaches the mail server;
/// the office sees nothing due.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentPageTests(BrowserFixture browser, MailServer smtp) : IClassFixture<MailServer>, IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task AnOwner_PaysAnInvoiceOnStripesPage_AndComesBackToSeeItPaid_WithTheReceiptMailed(int width, int height)
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var address = StripeSetup.StartOnLoopback(app, _stripe); // the portal's address replaces the mail settings' placeholder
        var s = await DocumentScenario.CreateAsync(app);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id, "Spring start-up");
        var ownerEmail = DocumentScenario.UniqueEmail();
        var owner = await s.Customer.AddContactAsync(ownerEmail, "Owner");
        Assert.Equal(8000L, await OutstandingAsync(s));
        await using var context = await PortalPages.ContextAsync(browser, address, width, height, locale: "en-IE");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");

        await PortalPages.SignInWithLinkAsync(page, await s.Customer.IssueTokenAsync(owner.Id));
        await PortalPages.OpenSectionAsync(page, "Documents");
        var row = page.Locator(".invoice-row").Filter(new() { Has = page.Locator($"details[data-id='{invoice.Id}']") });
        await Assertions.Expect(row).ToContainTextAsync(invoice.Number);
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Open");
        var pay = row.GetByRole(AriaRole.Button, new() { Name = $"Pay invoice {invoice.Number} (€80.00)" });
        await WhatAPersonSees.AssertInsideAsync(pay, page.Locator("section.documents"), "the Pay button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-invoice-to-pay-{width}");

        _stripe.HoldEvents(); // Stripe's confirmation comes after the customer is back, as it may
        await pay.ClickAsync();
        await page.WaitForURLAsync(new Uri(_stripe.BaseUrl, "pay/**").ToString());
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("€80.00");
        await page.GetByLabel("Card number").FillAsync(FakeStripe.SucceedingCard);
        await page.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.Locator("#submit").ClickAsync();

        await page.WaitForURLAsync(new Uri(address, "portal/#documents/paid").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "being confirmed" })).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Open"); // back from Stripe is not paid yet
        await _stripe.ReleaseHeldEventsAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Paid", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Payment received" })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Pay" })).ToHaveCountAsync(0);

        // The payment history, and its receipt as the customer downloads it.
        var history = page.GetByRole(AriaRole.List, new() { Name = "Payment history" });
        var payment = history.GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(payment).ToContainTextAsync("€80.00");
        await Assertions.Expect(payment.Locator(".badge")).ToHaveTextAsync("Paid");
        await Assertions.Expect(payment).ToContainTextAsync($"Card · For {invoice.Number}");
        var receiptLink = payment.GetByRole(AriaRole.Link, new() { Name = "Receipt of the payment of €80.00" });
        await WhatAPersonSees.AssertInsideAsync(receiptLink, payment, "the receipt link");
        var download = await page.RunAndWaitForDownloadAsync(() => receiptLink.ClickAsync());
        Assert.StartsWith("receipt-", download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = PdfText.Read(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains("Receipt · €80.00", pdf.All);
        Assert.Contains($"Invoice {invoice.Number} €80.00", pdf.All);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-invoice-paid-{width}");

        var receipt = await smtp.WaitForMailAsync(ownerEmail); // added after the invoice was issued: the receipt is their first
        Assert.Equal("Payment received: €80.00", receipt.Subject);
        Assert.Contains(invoice.Number, receipt.Body, StringComparison.Ordinal);
        var office = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{invoice.Id}", ApiJson.Options))!;
        Assert.Equal(("Paid", 0L, 8000L), (office.Status, office.Due, office.Paid));
        Assert.Equal(0L, await OutstandingAsync(s)); // the office's money view: nothing outstanding any more
        Assert.Empty(problems.All);
    }

    private static async Task<long> OutstandingAsync(DocumentScenario s)
    {
        var overview = (await s.Dispatcher.GetFromJsonAsync<MoneyOverviewDto>("/api/v1/money/overview", ApiJson.Options))!;
        return overview.Currencies.Where(c => c.Currency == "EUR").Sum(c => c.Outstanding.Total);
    }
}
