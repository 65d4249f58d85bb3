using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The office's technicians screen, clicked through as a dispatcher would at a desk and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TechniciansPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_AddsATechnician_SetsANightShift_GivesTheirPhoneAToken_AndRevokesIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "New technician" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Gil Gardener");
        await page.GetByLabel("Skills").FillAsync("irrigation, backflow");
        await page.GetByLabel("Latitude").FillAsync("41.1405");
        await page.GetByLabel("Longitude").FillAsync("-8.611");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create technician" }).ClickAsync();
        var listed = page.GetByRole(AriaRole.Button, new() { Name = "Gil Gardener" });
        await Assertions.Expect(listed).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Working hours" })).ToBeVisibleAsync();

        // A night shift: Friday 22:00 to 06:00 the next morning.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Friday" }).CheckAsync();
        await page.GetByLabel("Start on Friday").FillAsync("22:00");
        await page.GetByLabel("End on Friday").FillAsync("06:00");
        await Assertions.Expect(page.GetByText("(next day)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save working hours" }).ClickAsync();
        await Assertions.Expect(page.Locator("form:has(#sched-zone) [role=status]")).ToHaveTextAsync("Saved.");

        await page.GetByLabel("New token for").FillAsync("Gil's phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Token for Gil's phone" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Tab, new() { Name = "OwnTracks" }).ClickAsync();
        var qr = dialog.GetByRole(AriaRole.Img, new() { Name = "QR code to set up OwnTracks" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await WhatAPersonSees.AssertInsideAsync(qr, dialog, "the QR code");
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code image did not load");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-technicians-token");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        page.Dialog += (_, confirm) => confirm.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Gil's phone" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.devices").GetByText("Revoked")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Issue a feed address" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Subscribe to this address in a calendar app")).ToHaveValueAsync(new Regex(@"/calendar/technicians/.+\.ics$"));

        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(listed, page.Locator("section.technician-list"), "the technician in the list");
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save working hours" }), page.Locator("main"), "Save working hours");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-technicians");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task AnInvalidHomeBase_IsRefused_WithTheReason_AndNothingIsCreated()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        var problems = new PageProblems(page, "/api/v1/technicians");

        await page.GetByRole(AriaRole.Button, new() { Name = "New technician" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Nowhere Nuno");
        await page.GetByLabel("Latitude").FillAsync("123");
        await page.GetByLabel("Longitude").FillAsync("-8.6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create technician" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "latitude" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("0 of 0 shown")).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, TenantScenario company)
    {
        var page = await OfficePages.SignInAsync(context, company, "/office/technicians/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Technicians" })).ToBeVisibleAsync();
        return page;
    }
}
