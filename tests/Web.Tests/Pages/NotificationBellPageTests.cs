using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The portal's bell, as a customer uses it: it lights up while they look at the page, opens a list that fits the screen, and clears.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationBellPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ABookedVisit_LightsTheBellLive_AndOpeningItShowsTheMessage_ThenMarkingAllReadClearsIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var contact = await portal.Customer.AddContactAsync($"ana-{Guid.NewGuid():N}@example.com");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);
        await PortalPages.SignInWithLinkAsync(page, await portal.Customer.IssueTokenAsync(contact.Id));
        var bell = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Notifications") });
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync("Notifications");

        await portal.BookAsync("Sprinklers do not start"); // booked by another owner of the household, elsewhere

        // The confirmation, and soon the technician dispatch assigns: one or two, however the two race.
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync(new Regex(@"^Notifications, [12] unread$"), new() { Timeout = 20_000 });
        await bell.ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Notifications" });
        var item = panel.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Visit booked" });
        await Assertions.Expect(item).ToContainTextAsync("Visit booked");
        await Assertions.Expect(item).ToContainTextAsync("Sprinklers do not start");
        await WhatAPersonSees.AssertInsideAsync(panel, page.Locator("body"), "the notifications panel");
        await WhatAPersonSees.AssertInsideAsync(item.GetByRole(AriaRole.Link, new() { Name = "View appointment" }), panel, "the appointment link");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-bell");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync("Notifications");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Notifications") })).ToHaveAccessibleNameAsync("Notifications"); // read is stored
        Assert.Empty(problems.All);
    }
}
