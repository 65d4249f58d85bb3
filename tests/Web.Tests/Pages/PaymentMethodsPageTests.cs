using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Autopay as a payer sets it up, in Chromium: "Add a payment method" opens Stripe's page (the fake's) in setup mode, the
/// card comes back listed by brand, last 4 and expiry, autopay goes on; the office issues an invoice, and the portal shows
/// it Paid once Stripe's webhook confirms the charge.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentMethodsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task APayer_SavesACard_TurnsAutopayOn_AndTheNextInvoiceShowsPaid(int width, int height)
    {
        using var app = new PortalFactory();
        var address = StripeSetup.StartOnLoopback(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var payer = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "AccountsPayable");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height, locale: "en-IE");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");

        await PortalPages.SignInWithLinkAsync(page, await s.Customer.IssueTokenAsync(payer.Id));
        await PortalPages.OpenSectionAsync(page, "Payment methods");
        var section = page.Locator("section.wallet");
        await Assertions.Expect(section).ToContainTextAsync("You have not saved a payment method yet.");
        var autopay = section.GetByRole(AriaRole.Switch, new() { Name = "Pay new invoices automatically" });
        await Assertions.Expect(autopay).ToBeDisabledAsync(); // nothing to charge yet

        await section.GetByRole(AriaRole.Button, new() { Name = "Add a payment method" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(_stripe.BaseUrl, "pay/**").ToString());
        await page.GetByLabel("Card number").FillAsync(FakeStripe.SucceedingCard);
        await page.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.Locator("#submit").ClickAsync();

        await page.WaitForURLAsync(new Uri(address, "portal/#payment-methods/added").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your payment method is saved." })).ToBeVisibleAsync();
        var card = section.Locator(".method-card");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("Visa ending in 4242");
        await Assertions.Expect(card).ToContainTextAsync("Expires 12/2034");
        await Assertions.Expect(card.Locator(".method-default")).ToHaveTextAsync("Default");
        var remove = card.GetByRole(AriaRole.Button, new() { Name = "Remove Visa ending in 4242" });
        await WhatAPersonSees.AssertInsideAsync(remove, card, "the Remove button");

        await autopay.CheckAsync();
        await Assertions.Expect(section.Locator(".autopay-state")).ToHaveTextAsync("Autopay is on: new invoices are charged to Visa ending in 4242.");
        await WhatAPersonSees.AssertInsideAsync(autopay, section, "the autopay switch");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-payment-methods-{width}");

        var invoice = await s.IssueInvoiceAsync(s.Property.Id, "Autumn shut-down");
        await Eventually.TrueAsync(async () => (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{invoice.Id}", ApiJson.Options))!.Status == "Paid",
            "Stripe's webhook pays the invoice autopay charged");
        await PortalPages.OpenSectionAsync(page, "Documents");
        var row = page.Locator(".invoice-row").Filter(new() { Has = page.Locator($"details[data-id='{invoice.Id}']") });
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Paid");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Pay" })).ToHaveCountAsync(0);
        Assert.Single(_stripe.PaymentIntents);
        Assert.Empty(problems.All);
    }
}
