using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's customers screen as a dispatcher's morning starts: a new customer, their property found by typing its
/// address (the offline geocoder, on a small extract written for the test), and a job for them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomersPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_CreatesACustomer_FindsTheirAddress_AndCreatesAJobThere(int width, int height)
    {
        var extract = SmallExtracts.SantaCatarina();
        try
        {
            using var app = new PortalFactory();
            app.Settings["Routing:Extract"] = extract;
            var address = app.StartOnLoopback();
            var company = await TenantScenario.CreateAsync(app);
            await using var context = await browser.NewContextAsync(address);
            var page = await OfficePages.SignInAsync(context, company, "/office/customers/");
            await page.SetViewportSizeAsync(width, height);
            var problems = new PageProblems(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Smith household");
            await page.GetByLabel("Contact's name").FillAsync("Ana Smith");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"ana-{Guid.NewGuid():N}@example.test");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smith household" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("section.customer-list").GetByRole(AriaRole.Button, new() { Name = "Smith household" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Address" }).PressSequentiallyAsync("santa cat 312");
            var suggestion = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Rua de Santa Catarina 312" });
            await Assertions.Expect(suggestion).ToBeVisibleAsync();
            await WhatAPersonSees.AssertInsideAsync(suggestion, page.GetByRole(AriaRole.Listbox), "the address suggestion");
            await suggestion.ClickAsync();
            await page.GetByLabel("Name (e.g. Home)").FillAsync("Home");
            await page.GetByLabel("Access notes").FillAsync("Gate code 1234");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add property" }).ClickAsync();
            await Assertions.Expect(page.Locator("#properties-title + ul")).ToContainTextAsync("Rua de Santa Catarina 312");

            await page.GetByLabel("What to do").FillAsync("Check the sprinkler valves");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Job created" })).ToBeVisibleAsync();
            var jobLink = page.GetByRole(AriaRole.Link, new() { Name = "Check the sprinkler valves" });
            await Assertions.Expect(jobLink).ToBeVisibleAsync();
            await Assertions.Expect(jobLink).ToHaveAttributeAsync("href", new Regex("^/office/jobs/\\?id=[0-9a-f]{32}$"));

            await page.GetByRole(AriaRole.Searchbox).FillAsync("ana smith");
            await Assertions.Expect(page.Locator("section.customer-list").GetByRole(AriaRole.Button, new() { Name = "Smith household" })).ToBeVisibleAsync();

            await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
            await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create job" }), page.Locator("main"), "Create job");
            await WhatAPersonSees.AssertAccessibleAsync(page);
            await WhatAPersonSees.ScreenshotAsync(page, "office-customers");
            Assert.Empty(problems.All);
        }
        finally
        {
            File.Delete(extract);
        }
    }
}
