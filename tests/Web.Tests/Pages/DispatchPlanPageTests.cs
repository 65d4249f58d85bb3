using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansPortal.Web.Routing;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// "Optimize the day" on /dispatch as a preview: the dispatcher sees who gains and loses which job and the figures before
/// and after, then applies or discards; an applied plan can be undone, also after a reload; a plan the board has moved
/// away from is refused with the reasons. And the routes on the map follow the roads, their stops linking to the job.
/// The day is OptimizeDayTests' crosswise plan: Nuno lives in the north and has the two southern jobs, Sara the reverse.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatchPlanPageTests(BrowserFixture browser)
{
    private static ILocator Row(IPage page, string technician) => page.GetByRole(AriaRole.Listitem, new() { Name = technician, Exact = true });

    private static ILocator OptimizePanel(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Optimize", Exact = true });

    private static ILocator Preview(IPage page) => page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Proposed plan for ") });

    private static ILocator Moves(IPage page, string technician) =>
        Preview(page).GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByText(technician, new() { Exact = true }) });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private sealed record Session(PortalFactory App, CrosswiseDay Day, IBrowserContext Context, IPage Page, PageProblems Problems) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            App.Dispose();
        }
    }

    private sealed record CrosswiseDay(DispatchScenario Scenario, string North, string South, string[] NorthJobs, string[] SouthJobs);

    /// <summary>The crosswise day, its dispatcher signed in on /dispatch/ with both rows shown; with Porto's roads when <paramref name="roads"/>.</summary>
    private async Task<Session> OpenAsync(bool roads = false, ViewportSize? size = null, params string[] expectedErrorPaths)
    {
        var app = new PortalFactory();
        if (roads) app.Settings["Routing:Extract"] = RouteGeometryApiTests.PortoExtract();
        var address = app.StartOnLoopback();
        // Built before the first plan asks for it (the app builds it in the background as it starts; a plan waits for it).
        if (roads) await Task.Run(app.Services.GetRequiredService<RoadNetworkLoader>().WarmUp);
        var (scenario, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
        // At the size asked for from the start: the map frames the routes once, at the size it has then.
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = size ?? WhatAPersonSees.Desk });
        var page = await DispatchPageTests.SignInAsync(context, scenario.Company);
        await Assertions.Expect(Row(page, "Nuno North")).ToContainTextAsync("South 1");
        await Assertions.Expect(Row(page, "Sara South")).ToContainTextAsync("North 1");
        return new Session(app, new CrosswiseDay(scenario, north, south, northJobs, southJobs), context, page, new PageProblems(page, expectedErrorPaths));
    }

    private static async Task OptimizeAsync(IPage page, string seconds = "3")
    {
        await OptimizePanel(page).GetByLabel("Search for").SelectOptionAsync(seconds);
        await Button(page, "Optimize the day").ClickAsync();
    }

    private static async Task AssertTechnicianHasAsync(CrosswiseDay day, IEnumerable<string> tickets, string technicianId)
    {
        foreach (var id in tickets) Assert.Equal(technicianId, (await day.Scenario.TicketAsync(id)).TechnicianId);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task OptimizeShowsAPreview_OfWhoGainsAndLosesWhichJob_AndDiscardLeavesTheBoardAsItWas(int width, int height)
    {
        await using var session = await OpenAsync(size: new() { Width = width, Height = height });
        var (page, day) = (session.Page, session.Day);

        await OptimizeAsync(page);

        var preview = Preview(page);
        await Assertions.Expect(preview).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(preview).ToContainTextAsync("Nothing changes until you apply it.");
        // Per technician, by name: what they would take and from whom, what they would hand on and to whom.
        await Assertions.Expect(Moves(page, "Nuno North")).ToContainTextAsync("North 1 (from Sara South)");
        await Assertions.Expect(Moves(page, "Nuno North")).ToContainTextAsync("North 2 (from Sara South)");
        await Assertions.Expect(Moves(page, "Nuno North")).ToContainTextAsync("South 1 (to Sara South)");
        await Assertions.Expect(Moves(page, "Sara South")).ToContainTextAsync("South 2 (from Nuno North)");
        await Assertions.Expect(Moves(page, "Sara South")).ToContainTextAsync("North 1 (to Nuno North)");
        // The day's driving and lateness before and after, drawn; the plan drives less.
        var drivingBefore = preview.GetByRole(AriaRole.Img, new() { Name = "Driving before" });
        var drivingAfter = preview.GetByRole(AriaRole.Img, new() { Name = "Driving after" });
        await Assertions.Expect(drivingBefore).ToHaveAttributeAsync("aria-label", new Regex(@"^Driving before: \d+\.\d km$"));
        await Assertions.Expect(preview.GetByRole(AriaRole.Img, new() { Name = "Lateness after" })).ToHaveAttributeAsync("aria-label", new Regex(@"^Lateness after: \d+ min late$"));
        Assert.True(Kilometres(await drivingAfter.GetAttributeAsync("aria-label")) < Kilometres(await drivingBefore.GetAttributeAsync("aria-label")) - 10);
        // The proposed routes on the map, dashed, one per technician whose day changes; the current ones stay under them.
        await Assertions.Expect(page.Locator("path.proposed-route")).ToHaveCountAsync(2);
        Assert.All(await page.Locator("path.proposed-route").EvaluateAllAsync<string[]>("paths => paths.map(p => p.getAttribute('stroke-dasharray'))"),
            dashes => Assert.False(string.IsNullOrEmpty(dashes)));
        await Assertions.Expect(page.Locator("path.route")).ToHaveCountAsync(2);
        // Nothing moved yet.
        await Assertions.Expect(Row(page, "Nuno North")).ToContainTextAsync("South 1");
        await AssertTechnicianHasAsync(day, day.NorthJobs, day.South);

        await WhatAPersonSees.AssertInsideAsync(Button(page, "Apply the plan"), preview, "Apply the plan");
        await WhatAPersonSees.AssertInsideAsync(Button(page, "Discard"), preview, "Discard");
        await WhatAPersonSees.AssertInsideAsync(Moves(page, "Nuno North"), preview, "Nuno's moves");
        await WhatAPersonSees.AssertInsideAsync(preview, OptimizePanel(page), "the preview");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await preview.ScrollIntoViewIfNeededAsync();
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-plan-preview");

        await Button(page, "Discard").ClickAsync();

        await Assertions.Expect(OptimizePanel(page)).ToContainTextAsync("Plan discarded: the board is as it was.");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("path.proposed-route")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, "Nuno North")).ToContainTextAsync("South 1");
        await Assertions.Expect(Row(page, "Sara South")).ToContainTextAsync("North 1");
        await AssertTechnicianHasAsync(day, day.NorthJobs, day.South);
        await AssertTechnicianHasAsync(day, day.SouthJobs, day.North);
        await Assertions.Expect(Button(page, "Undo the last plan")).ToHaveCountAsync(0);
        Assert.Empty(session.Problems.All);
    }

    [Fact]
    public async Task ApplyingThePlan_MovesTheJobs_AndUndoingItAfterAReload_GivesThemBack()
    {
        await using var session = await OpenAsync();
        var (page, day) = (session.Page, session.Day);

        // 10 s rather than 3: progress reaches the page through a stream and the hub, which in a full test run once took
        // longer than a whole 3 s search, so no progress showed before the answer.
        await OptimizeAsync(page, "10");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Optimization progress" })).ToBeVisibleAsync();
        await Assertions.Expect(OptimizePanel(page)).ToContainTextAsync("best so far", new() { Timeout = 9_000 }); // from OptimizeProgress events
        await Assertions.Expect(Preview(page)).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await Button(page, "Apply the plan").ClickAsync();

        await Assertions.Expect(OptimizePanel(page)).ToContainTextAsync("Plan applied: 4 jobs changed technician.");
        await Assertions.Expect(Preview(page)).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, "Nuno North")).ToContainTextAsync("North 1");
        await Assertions.Expect(Row(page, "Nuno North")).Not.ToContainTextAsync("South 1");
        await Assertions.Expect(Row(page, "Sara South")).ToContainTextAsync("South 2");
        await AssertTechnicianHasAsync(day, day.NorthJobs, day.North);

        // Whether a plan can be undone is the server's to say: it survives a reload.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTitle("Live connection")).ToHaveTextAsync("live");
        var undoArea = page.GetByRole(AriaRole.Region, new() { Name = "Last plan applied" });
        await Assertions.Expect(undoArea).ToContainTextAsync("4 jobs changed technician.");
        await WhatAPersonSees.AssertInsideAsync(Button(page, "Undo the last plan"), undoArea, "Undo the last plan");
        // Who applied it (an email address, one long word) wraps inside the panel.
        var applied = undoArea.Locator("p", new() { HasText = day.Scenario.Company.Email });
        Assert.True(await applied.EvaluateAsync<bool>("p => p.scrollWidth <= p.clientWidth"), "who applied the plan runs out of the panel");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-plan-undo");
        await Button(page, "Undo the last plan").ClickAsync();

        await Assertions.Expect(OptimizePanel(page)).ToContainTextAsync("Plan undone: 4 jobs are back with whom had them before.");
        await Assertions.Expect(Row(page, "Nuno North")).ToContainTextAsync("South 1");
        await Assertions.Expect(Row(page, "Nuno North")).Not.ToContainTextAsync("North 1");
        await Assertions.Expect(Row(page, "Sara South")).ToContainTextAsync("North 2");
        await Assertions.Expect(Button(page, "Undo the last plan")).ToHaveCountAsync(0);
        await AssertTechnicianHasAsync(day, day.NorthJobs, day.South);
        await AssertTechnicianHasAsync(day, day.SouthJobs, day.North);
        Assert.Empty(session.Problems.All);
    }

    [Fact]
    public async Task ApplyingAfterAConflictingChange_SaysWhatChanged_AndOptimizingAgainOffersAFreshPlan()
    {
        await using var session = await OpenAsync(expectedErrorPaths: "/apply");
        var (page, day) = (session.Page, session.Day);
        await OptimizeAsync(page);
        await Assertions.Expect(Preview(page)).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Meanwhile someone takes a job the plan moves back to the tray.
        (await day.Scenario.Dispatcher.DeleteAsync($"/api/v1/dispatch/assignments/{day.NorthJobs[0]}")).EnsureSuccessStatusCode();
        await Assertions.Expect(Preview(page)).ToContainTextAsync("The board changed since this plan was made");
        await Button(page, "Apply the plan").ClickAsync();

        var refusal = OptimizePanel(page).GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("The plan can no longer be applied");
        await Assertions.Expect(refusal).ToContainTextAsync("\"North 1\" was unassigned.");
        // Nothing of the plan was applied.
        await AssertTechnicianHasAsync(day, day.SouthJobs, day.North);
        Assert.Null((await day.Scenario.TicketAsync(day.NorthJobs[0])).TechnicianId);
        await WhatAPersonSees.AssertInsideAsync(Button(page, "Optimize again"), refusal, "Optimize again");

        await Button(page, "Optimize again").ClickAsync();

        await Assertions.Expect(refusal).ToHaveCountAsync(0);
        await Assertions.Expect(Preview(page)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(Preview(page)).Not.ToContainTextAsync("The board changed since");
        await Assertions.Expect(Moves(page, "Nuno North")).ToContainTextAsync("North 1 (from the tray)");
        Assert.Empty(session.Problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task RoutesOnTheMap_FollowTheRoads_AndAStopOpensItsJob(int width, int height)
    {
        await using var session = await OpenAsync(roads: true, size: new() { Width = width, Height = height });
        var (page, day) = (session.Page, session.Day);

        await Assertions.Expect(page.Locator("path.route")).ToHaveCountAsync(2);
        // Each route has two stops: start, two stops and end would be four points straight; along the roads it has more.
        await Eventually.TrueAsync(async () => (await PointsAsync(page, "path.route")).All(n => n > 4), "both routes follow the roads");
        await AssertInsideTheMapAsync(page, "path.route");

        // A stop's marker, reached by keyboard, opens a popup naming the job and linking to its page.
        var first = (await day.Scenario.BoardAsync()).Technicians.Single(t => t.Id == day.North).Stops[0].Job;
        var marker = page.GetByTitle($"Nuno North, stop 1: {first.Description}", new() { Exact = true });
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popup = page.Locator(".leaflet-popup");
        await Assertions.Expect(popup).ToHaveCSSAsync("opacity", "1"); // Leaflet fades it in: read it once it is fully shown
        await Assertions.Expect(popup).ToContainTextAsync(first.Description);
        await Assertions.Expect(popup).ToContainTextAsync("Nuno North, stop 1");
        var open = popup.GetByRole(AriaRole.Link, new() { Name = "Open job" });
        await Assertions.Expect(open).ToHaveAttributeAsync("href", $"/office/jobs/?id={first.TicketId}");
        await WhatAPersonSees.AssertInsideAsync(open, page.GetByRole(AriaRole.Region, new() { Name = "Live map" }), "Open job");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-road-routes");

        // The proposed routes follow the roads too.
        await OptimizeAsync(page);
        await Assertions.Expect(page.Locator("path.proposed-route")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Eventually.TrueAsync(async () => (await PointsAsync(page, "path.proposed-route")).All(n => n > 4), "both proposed routes follow the roads");

        await AssertInsideTheMapAsync(page, "path.proposed-route");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-road-routes-proposed");
        Assert.Empty(session.Problems.All);
    }

    private static double Kilometres(string? label) =>
        double.Parse(Regex.Match(label ?? "", @"(\d+\.\d) km").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many points each line has as drawn (Leaflet's SVG path: one M or L per point).</summary>
    private static async Task<int[]> PointsAsync(IPage page, string selector) =>
        await page.Locator(selector).EvaluateAllAsync<int[]>("paths => paths.map(p => (p.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0)");

    /// <summary>Every line drawn lies within the map's box, as a person sees it (the map frames the routes).</summary>
    private static async Task AssertInsideTheMapAsync(IPage page, string selector)
    {
        var outside = await page.Locator(selector).EvaluateAllAsync<string[]>(
            """
            paths => {
              const map = document.querySelector('.map').getBoundingClientRect();
              return paths.map(p => p.getBoundingClientRect())
                .filter(r => r.width === 0 || r.left < map.left || r.right > map.right || r.top < map.top || r.bottom > map.bottom)
                .map(r => `${r.left},${r.top} ${r.width}x${r.height} outside ${map.left},${map.top} ${map.width}x${map.height}`);
            }
            """);
        Assert.Empty(outside);
    }
}
