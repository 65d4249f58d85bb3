using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// An estimate with a deposit, as the people involved see it in Chromium: the customer approves it and pays the deposit
/// on Stripe's page (the fake's), comes back to see "Deposit paid" once the webhook confirms it; the office then bills
/// half of the estimate from the job page and sees the deposit credited on that invoice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepositPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ACustomer_ApprovesAndPaysTheDeposit_ThenTheOffice_BillsHalf_WithTheDepositCredited(int width, int height)
    {
        using var app = new PortalFactory();
        var address = StripeSetup.StartOnLoopback(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        var estimate = await CreateEstimateAsync(s, job); // 317.40, a 30 % deposit of 95.22
        var owner = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");

        await using var portalContext = await PortalPages.ContextAsync(browser, address, width, height, locale: "en-IE");
        var portal = await portalContext.NewPageAsync();
        var portalProblems = new PageProblems(portal, "/api/v1/portal/me");
        await PortalPages.SignInWithLinkAsync(portal, await s.Customer.IssueTokenAsync(owner.Id));
        await PortalPages.OpenSectionAsync(portal, "Documents");
        var item = portal.Locator($"details.estimate[data-id='{estimate.Id}']");
        await item.Locator("summary").ClickAsync();
        await Assertions.Expect(item.Locator(".deposit")).ToContainTextAsync("Deposit: €95.22");
        await Assertions.Expect(item.Locator(".deposit")).ToContainTextAsync("due on approval");
        var approve = item.GetByRole(AriaRole.Button, new() { Name = "Approve and pay deposit" });
        await WhatAPersonSees.AssertInsideAsync(approve, portal.Locator("section.documents"), "the Approve and pay deposit button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(portal);
        await WhatAPersonSees.ScreenshotAsync(portal, $"portal-estimate-deposit-{width}");

        await item.GetByLabel("Type your full name to sign").FillAsync("Ana Owner");
        await approve.ClickAsync();
        await portal.WaitForURLAsync(new Uri(_stripe.BaseUrl, "pay/**").ToString());
        await Assertions.Expect(portal.Locator("#total")).ToHaveTextAsync("€95.22");
        await portal.GetByLabel("Card number").FillAsync(FakeStripe.SucceedingCard);
        await portal.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await portal.GetByLabel("CVC").FillAsync("123");
        await portal.Locator("#submit").ClickAsync();

        await portal.WaitForURLAsync(new Uri(address, "portal/#documents/paid").ToString());
        await Assertions.Expect(portal.GetByRole(AriaRole.Status).Filter(new() { HasText = "Payment received" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await item.Locator("summary").ClickAsync();
        await Assertions.Expect(item.Locator(".deposit-Paid")).ToHaveTextAsync("Deposit paid");
        await Assertions.Expect(item).ToContainTextAsync("Approved by Ana Owner");
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new() { Name = "Pay deposit" })).ToHaveCountAsync(0);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(portal);
        await WhatAPersonSees.AssertAccessibleAsync(portal);
        await WhatAPersonSees.ScreenshotAsync(portal, $"portal-estimate-deposit-paid-{width}");
        Assert.Empty(portalProblems.All);

        await using var officeContext = await browser.NewContextAsync(address);
        var office = await OfficePages.SignInAsync(officeContext, s.Company, $"/office/jobs/?id={job}");
        await office.SetViewportSizeAsync(width, height);
        var officeProblems = new PageProblems(office);
        var officeItem = office.Locator($"li.document[data-id='{estimate.Id}']");
        await Assertions.Expect(officeItem.Locator(".deposit-Paid")).ToHaveTextAsync("Deposit paid");
        await officeItem.GetByLabel("Percentage or amount to bill").FillAsync("50");
        await officeItem.GetByRole(AriaRole.Button, new() { Name = "Issue progress invoice" }).ClickAsync();
        await Assertions.Expect(officeItem.Locator(".progress")).ToContainTextAsync("Billed so far: €158.70 · Remaining: €158.70 · Deposit credited: €95.22");

        var billed = (await s.Dispatcher.GetFromJsonAsync<EstimateDto>($"/api/v1/estimates/{estimate.Id}", ApiJson.Options))!;
        var progress = office.Locator($"li.document[data-id='{billed.Progress.InvoiceIds.Single()}']");
        await Assertions.Expect(progress.Locator("summary")).ToContainTextAsync("€63.48"); // 158.70 less the 95.22 paid
        await progress.Locator("summary").ClickAsync();
        await Assertions.Expect(progress).ToContainTextAsync($"Less deposit paid ({billed.Deposit!.InvoiceNumber})");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(office);
        await WhatAPersonSees.ScreenshotAsync(office, $"office-progress-invoice-{width}");
        Assert.Empty(officeProblems.All);
    }

    private static async Task<EstimateDto> CreateEstimateAsync(DocumentScenario s, string job)
    {
        using var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = s.Customer.Id, ticketId = job, title = "New controller", currency = "EUR", validUntil = DateTimeOffset.UtcNow.AddDays(30),
            lines = new[] { new { description = "Controller", quantity = 1m, unitAmount = 24990L }, new { description = "Labour (hours)", quantity = 1.5m, unitAmount = 4500L } },
            deposit = new { rate = 3000 },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!;
    }
}
