using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The office's Plans page: a dispatcher defines a plan (a wrong price is refused at its field), sees it on offer, and retires it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficePlansPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_DefinesAPlan_SeesItOffered_AndRetiresIt(int width, int height)
    {
        using var app = new PortalFactory();
        await using var context = await browser.NewContextAsync(app.StartOnLoopback());
        var page = await OfficePages.SignInAsync(context, await TenantScenario.CreateAsync(app), "/office/plans/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page, "/api/v1/plans"); // the refused plan answers 400

        await Assertions.Expect(page.GetByText("No plans yet: define the first one.")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Irrigation care");
        await page.GetByLabel("Price per period").FillAsync("120.555");
        await page.GetByRole(AriaRole.Button, new() { Name = "Offer this plan" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Price per period")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("price per period"));
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);

        await page.GetByLabel("Price per period").FillAsync("120.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Offer this plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Irrigation care is on offer to your customers now.");
        var row = page.Locator(".plan-row").Filter(new() { HasText = "Irrigation care" });
        await Assertions.Expect(row).ToContainTextAsync("€120.50 / 1 year(s)");
        await Assertions.Expect(row).ToContainTextAsync("2 visit(s) of 60 min each period");
        await WhatAPersonSees.AssertInsideAsync(row.GetByRole(AriaRole.Button), page.Locator("main"), "the Retire button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-plans");

        await row.GetByRole(AriaRole.Button, new() { Name = "Retire Irrigation care" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Retired");
        Assert.Empty(problems.All);
    }
}
