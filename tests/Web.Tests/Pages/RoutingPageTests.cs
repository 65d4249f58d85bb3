using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Automatic assignment on the support desk, in Chromium at both sizes: the dispatcher switches it on, marks themself
/// away and a colleague as the billing specialist; the next billing case a customer opens shows in the queue with the
/// colleague as its assignee.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoutingPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheTeam_SwitchesOnAutomaticAssignment_AndTheNextCaseGoesToTheSpecialist(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var rui = $"rui-{Guid.NewGuid():N}@example.test";
        (await company.Dispatcher.PostAsJsonAsync("/api/v1/dispatchers", new { email = rui, displayName = "Rui", password = TenantScenario.Password })).EnsureSuccessStatusCode();
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.SignInAsync((await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test")).Id);

        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, company, "/office/support/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);
        var queue = page.GetByRole(AriaRole.Region, new() { Name = "Cases" });

        await queue.GetByText("Automatic assignment").ClickAsync();
        var panel = queue.Locator("details.routing-settings");
        await panel.GetByLabel("Assign new cases automatically").CheckAsync();
        var me = panel.GetByRole(AriaRole.Group, new() { Name = company.Email, Exact = true });
        var colleague = panel.GetByRole(AriaRole.Group, new() { Name = rui, Exact = true });
        await me.GetByLabel("Takes new cases now").UncheckAsync();
        await colleague.GetByLabel("Billing").CheckAsync();
        await Assertions.Expect(colleague.GetByText("Holds 0 open cases")).ToBeVisibleAsync();
        await WhatAPersonSees.AssertInsideAsync(panel.Locator("fieldset.routing-agent"), queue, "the team members' routing");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-support-routing");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save assignment" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        (await maria.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Charged twice in November", category = "Billing", description = "Two payments of €60." }))
            .EnsureSuccessStatusCode();
        await page.ReloadAsync();

        var row = queue.Locator(".case-row").Filter(new() { HasText = "Charged twice in November" });
        await Assertions.Expect(row).ToContainTextAsync(rui);
        await queue.GetByText("Automatic assignment").ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Group, new() { Name = rui, Exact = true }).GetByText("Holds 1 open cases")).ToBeVisibleAsync();
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
