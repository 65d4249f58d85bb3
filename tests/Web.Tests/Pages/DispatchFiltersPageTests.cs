using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>One set of filters on /dispatch narrows the technician list, the day plan and the map together, and says how much it hides.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatchFiltersPageTests(BrowserFixture browser)
{
    private static ILocator ListEntries(IPage page) => DispatchPageTests.TechnicianList(page).GetByRole(AriaRole.Listitem);

    private static ILocator BoardRows(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Technicians' day plans" }).Locator("> li");

    private static ILocator Tray(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Unassigned" });

    private static ILocator Filters(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Filters" });

    private static ILocator Summary(IPage page) => Filters(page).Locator(".filter-summary p");

    private static ILocator OnTheMap(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Live map" }).Locator(".on-map");

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task FilteringBySkill_HidesTheOthersFromTheListTheBoardAndTheMap_AndClearBringsThemBack(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: false);
        var technicians = new[] { ("Ana Gas", "gas", Ribeira), ("Eva Electrician", "electrical", Matosinhos), ("Gil Gardener", "irrigation", Gaia) };
        foreach (var (name, skill, home) in technicians)
        {
            var id = await day.AddTechnicianAsync(name, [skill], home);
            // A recent position, so each technician is a marker on the map.
            var device = await day.Company.IssueTokenAsync(id);
            (await app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&timestamp={DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}&lat={home.Latitude}&lon={home.Longitude}")).EnsureSuccessStatusCode();
        }
        await day.AddJobAsync("Service the gas boiler", Campanha, ["gas"], window: (1, 4));
        await day.AddJobAsync("Check valves", Campanha, ["irrigation"], window: (1, 4));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Count == 2, "both jobs wait in the tray");
        await using var context = await browser.NewContextAsync(address);
        var page = await DispatchPageTests.SignInAsync(context, day.Company);
        var problems = new PageProblems(page);
        await page.SetViewportSizeAsync(width, height);

        await Assertions.Expect(ListEntries(page)).ToHaveCountAsync(3);
        await Assertions.Expect(BoardRows(page)).ToHaveCountAsync(3);
        await Assertions.Expect(OnTheMap(page)).ToHaveTextAsync("On the map: 3");
        await Assertions.Expect(Summary(page)).ToHaveTextAsync("3 of 3 technicians shown");
        await Assertions.Expect(Filters(page).GetByRole(AriaRole.Button, new() { Name = "Clear filters" })).ToBeDisabledAsync();

        await Filters(page).GetByLabel("Skill", new() { Exact = true }).SelectOptionAsync("gas");

        await Assertions.Expect(ListEntries(page)).ToHaveCountAsync(1);
        await Assertions.Expect(ListEntries(page)).ToHaveTextAsync(new Regex("Ana Gas"));
        await Assertions.Expect(BoardRows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(BoardRows(page)).ToHaveAttributeAsync("aria-label", "Ana Gas");
        await Assertions.Expect(OnTheMap(page)).ToHaveTextAsync("On the map: 1");
        await Assertions.Expect(Tray(page)).ToContainTextAsync("Service the gas boiler");
        await Assertions.Expect(Tray(page)).Not.ToContainTextAsync("Check valves");
        await Assertions.Expect(Summary(page)).ToHaveTextAsync("1 of 3 technicians shown · jobs hidden: 1");
        var clear = Filters(page).GetByRole(AriaRole.Button, new() { Name = "Clear filters" });
        await WhatAPersonSees.AssertInsideAsync(clear, Filters(page), "Clear filters");
        await WhatAPersonSees.AssertInsideAsync(Filters(page).GetByLabel("Priority", new() { Exact = true }), Filters(page), "the priority filter");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await Filters(page).ScrollIntoViewIfNeededAsync();
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-filters");

        // A job filter narrows the tray too, and the name search is the same technician filter.
        await Filters(page).GetByLabel("Priority", new() { Exact = true }).SelectOptionAsync("Emergency");
        await Assertions.Expect(Tray(page)).Not.ToContainTextAsync("Service the gas boiler");
        await Assertions.Expect(Tray(page)).ToContainTextAsync("No waiting job matches the filters.");

        await clear.ClickAsync();

        await Assertions.Expect(ListEntries(page)).ToHaveCountAsync(3);
        await Assertions.Expect(BoardRows(page)).ToHaveCountAsync(3);
        await Assertions.Expect(OnTheMap(page)).ToHaveTextAsync("On the map: 3");
        await Assertions.Expect(Tray(page)).ToContainTextAsync("Check valves");
        await Assertions.Expect(Filters(page).GetByLabel("Skill", new() { Exact = true })).ToHaveValueAsync("");

        await page.GetByPlaceholder("Search technicians").FillAsync("eva");
        await Assertions.Expect(BoardRows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(OnTheMap(page)).ToHaveTextAsync("On the map: 1");
        Assert.Empty(problems.All);
    }
}
