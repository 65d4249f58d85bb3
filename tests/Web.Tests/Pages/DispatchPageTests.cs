using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The dispatcher's live map and technician list on /dispatch, as a dispatcher uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatchPageTests(BrowserFixture browser)
{
    public static TheoryData<int, int> Sizes => new() { { 390, 844 }, { 1440, 900 } };

    /// <summary>Opens /dispatch/ signed out, signs in through the login page and waits for the live connection.</summary>
    internal static async Task<IPage> SignInAsync(IBrowserContext context, TenantScenario company)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dispatch/");
        // The page finds out it is signed out with a fetch, then sends the browser to /login: poll the address.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login/\\?returnUrl=%2Fdispatch%2F$"));
        await page.GetByLabel("Email").FillAsync(company.Email);
        await page.GetByLabel("Password").FillAsync(TenantScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dispatch/$"));
        await Assertions.Expect(page.GetByTitle("Live connection")).ToHaveTextAsync("live");
        return page;
    }

    internal static ILocator TechnicianList(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Technicians", Exact = true });

    private static ILocator Entry(IPage page, string name) => TechnicianList(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });

    private static ILocator Details(IPage page, string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The technician's tooltip on the map, which follows their marker (markers are drawn on a canvas).</summary>
    private static ILocator MapTooltip(IPage page, string name) => page.GetByRole(AriaRole.Tooltip).Filter(new() { HasText = name });

    private static ILocator Map(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Live map" });

    private static Task<HttpResponseMessage> OsmAndAsync(PortalFactory app, string token, DateTimeOffset time, double lat, double lon) =>
        app.CreateClient().GetAsync($"/gps/osmand?id={token}&timestamp={time.ToUnixTimeSeconds()}&lat={lat}&lon={lon}&speed=30&bearing=90");

    /// <summary>The element is shown within the viewport, top to bottom and side to side (a person sees it without scrolling).</summary>
    private static async Task AssertInViewAsync(ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} is not shown");
        var viewport = element.Page.ViewportSize!;
        Assert.True(box.X >= -0.5 && box.Y >= -0.5 && box.X + box.Width <= viewport.Width + 0.5 && box.Y + box.Height <= viewport.Height + 0.5,
            $"{what} at ({box.X:0},{box.Y:0}) {box.Width:0}x{box.Height:0} is not inside the {viewport.Width}x{viewport.Height} viewport");
    }

    [Fact]
    public async Task Dispatcher_SeesATechnicianAppearOnThePing_AndMoveOnTheNext()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync("Rui Rocha");
        var device = await company.IssueTokenAsync(tech.Id);
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        var problems = new PageProblems(page);

        var entry = Entry(page, "Rui Rocha");
        await Assertions.Expect(entry).ToContainTextAsync("Rui Rocha");
        await Assertions.Expect(entry.GetByText("no signal")).ToBeVisibleAsync(); // never pinged yet

        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        await OsmAndAsync(app, device.Token, t0, 41.1579, -8.6291);
        await Assertions.Expect(entry.GetByText("no signal")).ToHaveCountAsync(0);
        await entry.GetByRole(AriaRole.Button).ClickAsync();
        var marker = MapTooltip(page, "Rui Rocha");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        await WhatAPersonSees.AssertInsideAsync(marker, Map(page), "Rui Rocha on the map");
        var before = await marker.BoundingBoxAsync();

        await OsmAndAsync(app, device.Token, t0.AddMinutes(1), 41.1579, -8.6171); // 1 km east in a minute
        await Eventually.TrueAsync(async () => (await marker.BoundingBoxAsync())!.X > before!.X + 10, "the marker moves east");
        await BrowserFixture.SaveScreenshotAsync(page, "dispatch-moved");

        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ClickingATechnician_ShowsDetailsAndTheLastHoursTrack()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync("Sara Silva");
        await company.AddTechnicianAsync("Tiago Torres");
        var device = await company.IssueTokenAsync(tech.Id);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        for (var i = 0; i < 3; i++) await OsmAndAsync(app, device.Token, t0.AddMinutes(i), 41.15 + i * 0.003, -8.61);
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        var problems = new PageProblems(page);

        await page.GetByPlaceholder("Search technicians").FillAsync("sara");
        await Assertions.Expect(TechnicianList(page).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Entry(page, "Sara Silva").GetByRole(AriaRole.Button).ClickAsync();

        var details = Details(page, "Sara Silva");
        await Assertions.Expect(details.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Sara Silva");
        await Assertions.Expect(details).ToContainTextAsync("56 km/h"); // 30 knots
        await Assertions.Expect(details).ToContainTextAsync("3 fixes in the last hour");
        await Assertions.Expect(page.Locator("path.track")).ToHaveCountAsync(1);
        await BrowserFixture.SaveScreenshotAsync(page, "dispatch-track");
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task OpeningATechnicianFromTheList_ShowsTheirDetailsAndTheirPlaceOnTheMap_InView(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        // Enough technicians that the list scrolls; the one opened is near its end.
        for (var i = 0; i < 24; i++)
        {
            var tech = await company.AddTechnicianAsync($"Technician {i:00}");
            if (i % 3 == 0) await OsmAndAsync(app, (await company.IssueTokenAsync(tech.Id)).Token, t0, 41.14 + i * 0.002, -8.63 + i * 0.003);
        }
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Technicians 24", Exact = true })).ToBeVisibleAsync();
        var list = TechnicianList(page);
        // Only the rows in view (and a few beyond) exist: the list is virtualised.
        Assert.True(await list.GetByRole(AriaRole.Listitem).CountAsync() < 24, "every row is in the DOM");
        await list.GetByRole(AriaRole.Button).First.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(list.GetByRole(AriaRole.Button, new() { Name = "Technician 23" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        var opened = list.GetByRole(AriaRole.Button, new() { Name = "Technician 21" });
        await Assertions.Expect(opened).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var details = Details(page, "Technician 21");
        await Assertions.Expect(details).ToContainTextAsync("in the last hour");
        await AssertInViewAsync(details, "the details panel");
        var marker = MapTooltip(page, "Technician 21");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        await WhatAPersonSees.AssertInsideAsync(marker, Map(page), "Technician 21 on the map");
        await AssertInViewAsync(marker, "Technician 21's tooltip on the map");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-technician");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task TheListIsWorkedByKeyboard_ArrowsMoveAndEnterOpens()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        foreach (var name in new[] { "Ana Alves", "Bruno Braga", "Carla Costa" }) await company.AddTechnicianAsync(name);
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        var problems = new PageProblems(page);

        await Assertions.Expect(TechnicianList(page).GetByRole(AriaRole.Button)).ToHaveCountAsync(3);
        await page.GetByPlaceholder("Search technicians").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(TechnicianList(page).GetByRole(AriaRole.Button, new() { Name = "Ana Alves" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(TechnicianList(page).GetByRole(AriaRole.Button, new() { Name = "Bruno Braga" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown"); // past the end: stays on the last
        await Assertions.Expect(TechnicianList(page).GetByRole(AriaRole.Button, new() { Name = "Carla Costa" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(TechnicianList(page).GetByRole(AriaRole.Button, new() { Name = "Ana Alves" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Details(page, "Bruno Braga")).ToBeVisibleAsync();

        // Tab leaves the list from the row reached, rather than walking through every row.
        await TechnicianList(page).GetByRole(AriaRole.Button, new() { Name = "Bruno Braga" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(TechnicianList(page).Locator(":focus")).ToHaveCountAsync(0);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task StreamingPositions_ForTwoHundredTechnicians_KeepsThePageSize()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var tokens = new string[200];
        for (var i = 0; i < tokens.Length; i += 20)
            await Task.WhenAll(Enumerable.Range(i, 20).Select(async n =>
                tokens[n] = (await company.IssueTokenAsync((await company.AddTechnicianAsync($"Technician {n:000}")).Id)).Token));
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company);
        await page.SetViewportSizeAsync(1440, 900);
        var problems = new PageProblems(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Technicians 200", Exact = true })).ToBeVisibleAsync();
        await Entry(page, "Technician 000").GetByRole(AriaRole.Button).ClickAsync();
        var details = Details(page, "Technician 000");
        await Assertions.Expect(details).ToContainTextAsync("in the last hour");

        var pings = app.CreateClient();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        // Batch k moves everyone 40 m north-east at k+1 m/s, so the open technician's speed says which batch the page shows.
        async Task StreamAsync(int batch)
        {
            var body = new
            {
                pings = tokens.Select((token, n) => new
                {
                    device = token,
                    time = t0.AddSeconds(10 * batch),
                    lat = 41.10 + (n % 20) * 0.004 + batch * 0.0003,
                    lon = -8.66 + (n / 20) * 0.006 + batch * 0.0003,
                    speed = batch + 1.0,
                }),
            };
            (await pings.PostAsJsonAsync("/api/v1/pings", body)).EnsureSuccessStatusCode();
            await Assertions.Expect(details).ToContainTextAsync($"{Math.Round((batch + 1) * 3.6):0} km/h");
        }

        await StreamAsync(0);
        await Assertions.Expect(MapTooltip(page, "Technician 000")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var before = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
        for (var batch = 1; batch < 20; batch++) await StreamAsync(batch);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var after = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");

        Assert.True(after <= before, $"the page grew from {before} to {after} elements while positions streamed");
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-200-technicians");
        Assert.Empty(problems.All);
    }
}
