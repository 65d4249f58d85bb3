using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Subscribing to a maintenance plan as a customer does it, in Chromium: the portal's Plans section, Stripe's page (the
/// fake's), back to an active plan with its next visit and next charge, and ending it with its period.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlansPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task AnOwner_SubscribesToAPlanOnStripesPage_SeesItsNextVisitAndCharge_AndEndsIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = StripeSetup.StartOnLoopback(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        using var defined = await s.Dispatcher.PostAsJsonAsync("/api/v1/plans", new
        {
            name = "Irrigation care", description = "Spring start-up and autumn winterising, and a check every month.", price = 2500L, currency = "EUR",
            interval = "Month", intervalCount = 1, visitsPerPeriod = 1, visitMinutes = 60,
        });
        defined.EnsureSuccessStatusCode();
        var (context, page, problems) = await PlanPages.OpenAsOwnerAsync(browser, address, s, width, height);
        await using var browsing = context;

        var section = page.Locator("section.plans");
        await Assertions.Expect(section).ToContainTextAsync("You have no maintenance plan yet.");
        var offered = section.Locator(".plan-card").Filter(new() { HasText = "Irrigation care" });
        await Assertions.Expect(offered).ToContainTextAsync("€25.00 a month");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-plans-offered-{width}");

        await offered.GetByRole(AriaRole.Button, new() { Name = "Subscribe to Irrigation care" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(new Uri(_stripe.BaseUrl, "pay/**").ToString());
        }
        catch (TimeoutException)
        {
            // Failed once in a full run and never alone: say where the page was and what it said, for the next time.
            Assert.Fail($"Still at {page.Url} after subscribing; the section said: {await section.InnerTextAsync()}; problems: {string.Join(" | ", problems.All)}");
        }
        await page.GetByLabel("Card number").FillAsync(FakeStripe.SucceedingCard);
        await page.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.Locator("#submit").ClickAsync();

        await page.WaitForURLAsync(new Uri(address, "portal/#plans/subscribed").ToString());
        var mine = section.Locator(".plan-list").First.Locator(".plan-card");
        await Assertions.Expect(mine.Locator(".badge")).ToHaveTextAsync("Active", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your plan is active" })).ToBeVisibleAsync();
        await Assertions.Expect(mine).ToContainTextAsync("Next visit:");
        await Assertions.Expect(mine).ToContainTextAsync("next charge €25.00");
        await WhatAPersonSees.AssertInsideAsync(mine.GetByRole(AriaRole.Button), section, "the plan's button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-plan-active-{width}");

        // The page itself looks again until Stripe's webhook confirms the change; a reload right after the click could
        // abort the page's request before it left (CI saw the plan never end), so reload only once the change shows.
        await mine.GetByRole(AriaRole.Button, new() { Name = "End this plan when the paid period ends" }).ClickAsync();
        await Assertions.Expect(mine).ToContainTextAsync("no further charges", new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Assertions.Expect(mine).ToContainTextAsync("no further charges");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Keep this plan" })).ToBeVisibleAsync();
        var office = (await s.Dispatcher.GetFromJsonAsync<PlanSubscriptionDto[]>($"/api/v1/customers/{s.Customer.Id}/plans", ApiJson.Options))!;
        Assert.Equal(("Active", true), (Assert.Single(office).Status, office[0].CancelAtPeriodEnd));
        Assert.Empty(problems.All);
    }
}
