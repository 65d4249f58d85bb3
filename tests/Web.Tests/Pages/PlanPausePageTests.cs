using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Pausing a maintenance plan in Chromium: the customer's owner pauses it until a day from the portal's plan card and
/// resumes it; the office sees the customer's plan on their page and pauses it. Each change shows once (the fake)
/// Stripe's webhook reports it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanPausePageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task AnOwner_PausesTheirPlanUntilADay_SeesItPaused_AndResumesIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = StripeSetup.StartOnLoopback(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        await PlanScenario.SubscribeToNewPlanAsync(s);
        var (context, page, problems) = await PlanPages.OpenAsOwnerAsync(browser, address, s, width, height);
        await using var browsing = context;

        var mine = page.Locator("section.plans .plan-list").First.Locator(".plan-card");
        await Assertions.Expect(mine.Locator(".badge")).ToHaveTextAsync("Active");
        await mine.GetByLabel("Resume on (optional)").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
        await mine.GetByRole(AriaRole.Button, new() { Name = "Pause Irrigation care" }).ClickAsync();

        await Assertions.Expect(mine.Locator(".badge")).ToHaveTextAsync("Paused", new() { Timeout = 30_000 });
        await Assertions.Expect(mine).ToContainTextAsync("Paused by request until");
        await Assertions.Expect(mine).Not.ToContainTextAsync("next charge"); // a period falling while paused is voided, not charged
        await WhatAPersonSees.AssertInsideAsync(mine.GetByRole(AriaRole.Button, new() { Name = "Resume Irrigation care" }), page.Locator("section.plans"), "the Resume button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-plan-paused-{width}");

        await mine.GetByRole(AriaRole.Button, new() { Name = "Resume Irrigation care" }).ClickAsync();
        await Assertions.Expect(mine.Locator(".badge")).ToHaveTextAsync("Active", new() { Timeout = 30_000 });
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Pause Irrigation care" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheOffice_SeesACustomersPlanOnTheirPage_AndPausesIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = StripeSetup.StartOnLoopback(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var subscription = await PlanScenario.SubscribeToNewPlanAsync(s);
        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, s.Company, "/office/customers/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);

        await page.GotoAsync($"/office/customers/#{s.Customer.Id}");
        var plans = page.Locator("section.customer-plans");
        var plan = plans.Locator(".plan-card").Filter(new() { HasText = "Irrigation care" });
        await Assertions.Expect(plan.Locator(".badge")).ToHaveTextAsync("Active");
        await Assertions.Expect(plan).ToContainTextAsync("next charge €25.00");
        await Assertions.Expect(plan).ToContainTextAsync("Main site");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Pause Irrigation care" }).ClickAsync();

        await Assertions.Expect(plan.Locator(".badge")).ToHaveTextAsync("Paused", new() { Timeout = 30_000 });
        await Assertions.Expect(plan).ToContainTextAsync("Paused by request: no charges and no visits until it is resumed.");
        await Assertions.Expect(plan.GetByRole(AriaRole.Button, new() { Name = "Resume Irrigation care" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"office-customer-plan-paused-{width}");
        var office = (await s.Dispatcher.GetFromJsonAsync<PlanSubscriptionDto[]>($"/api/v1/customers/{s.Customer.Id}/plans", ApiJson.Options))!;
        Assert.Equal(("Paused", true), (Assert.Single(office, x => x.Id == subscription.Id).Status, office[0].PausedByRequest));
        Assert.Empty(problems.All);
    }
}
