using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Testing;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The SLA on the support desk, in Chromium at both sizes: a case's timers in the queue and on the open case, and the
/// settings panel under the queue whose new target moves them. The app's clock and the browser's both stand at
/// Monday 5 January 2026 (the company is on UTC, open weekdays 09:00 to 18:00 by default).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SlaPageTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheTeam_ChangesATarget_AndTheCasesTimerFollows(int width, int height)
    {
        var time = new ManualTimeProvider();
        time.Set(Monday10);
        using var app = new PortalFactory { Clock = time };
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.SignInAsync((await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test")).Id);
        (await maria.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "No water in zone 3", category = "Equipment", description = "Zone 3 stays dry." }))
            .EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(address);
        // Ten minutes after the case came in, as the browser tells the time.
        await context.Clock.SetFixedTimeAsync(Monday10.AddMinutes(10).UtcDateTime);
        var page = await OfficePages.SignInAsync(context, company, "/office/support/");
        await page.SetViewportSizeAsync(width, height);
        // The last save is refused on purpose (400); the panel's loading and first save are seen to work on the page.
        var problems = new PageProblems(page, "/api/v1/support/sla");
        var queue = page.GetByRole(AriaRole.Region, new() { Name = "Cases" });
        var row = queue.Locator(".case-row").Filter(new() { HasText = "No water in zone 3" });

        // A Normal case: 4 business hours to answer, 3 business days to resolve.
        await Assertions.Expect(row.Locator(".sla-timer")).ToHaveTextAsync("First response: 3h 50m left");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        var desk = page.Locator("section.case-desk");
        var timers = desk.Locator(".sla-timers");
        await Assertions.Expect(timers.Locator(".sla-timer")).ToHaveTextAsync(["First response: 3h 50m left", "Resolution: 2d 23h left"]);
        await Assertions.Expect(timers.Locator(".sla-OnTrack")).ToHaveCountAsync(2);

        await queue.GetByText("SLA: business hours and targets").ClickAsync();
        var settings = queue.Locator("details.sla-settings");
        // How the last 30 days kept the targets: the one case is under way, so nothing is decided yet.
        await Assertions.Expect(settings.Locator(".sla-compliance")).ToHaveTextAsync(
            "Cases opened in the last 30 days: 1. First response: none decided yet · Resolution: none decided yet");
        await Assertions.Expect(settings.GetByLabel("First response target for Normal, in business hours")).ToHaveValueAsync("4");
        await Assertions.Expect(settings.GetByLabel("Opens on Monday")).ToHaveValueAsync("09:00");
        await settings.GetByLabel("First response target for Normal, in business hours").FillAsync("0.25");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"office-support-sla-{width}");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save SLA" }).ClickAsync();

        await Assertions.Expect(settings.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(timers.Locator(".sla-timer").First).ToHaveTextAsync("First response: 5m left");
        await Assertions.Expect(row.Locator(".sla-timer")).ToHaveTextAsync("First response: 5m left");

        // Fifteen minutes after opening the answer is late: overdue, in red, though the server has not checked yet.
        await context.Clock.SetFixedTimeAsync(Monday10.AddMinutes(20).UtcDateTime);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("section.case-desk .sla-timers .sla-Breached")).ToHaveTextAsync("First response: overdue by 5m");

        // Bad settings are refused with the reason, and nothing changes.
        await page.GetByRole(AriaRole.Region, new() { Name = "Cases" }).GetByText("SLA: business hours and targets").ClickAsync();
        await settings.GetByLabel("First response target for Urgent, in business hours").FillAsync("10");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save SLA" }).ClickAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Alert)).ToContainTextAsync("A first response cannot be due after the resolution.");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
