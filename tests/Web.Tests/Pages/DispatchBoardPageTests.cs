using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The dispatcher's board on /dispatch: the tray, the technicians' rows, alerts, as a dispatcher uses them (optimize: DispatchPlanPageTests).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatchBoardPageTests(BrowserFixture browser)
{
    public static TheoryData<int, int> Sizes => new() { { 390, 844 }, { 1440, 900 } };

    private static ILocator DayPlan(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Day plan" });

    private static ILocator Tray(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Unassigned" });

    private static ILocator Card(IPage page, string description) => Tray(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = description });

    private static ILocator Row(IPage page, string technician) => page.GetByRole(AriaRole.Listitem, new() { Name = technician, Exact = true });

    private static ILocator Lane(IPage page, string technician) => page.GetByLabel($"{technician}'s day: drop a job here");

    private static async Task WaitForTrayAsync(DispatchScenario day, string ticketId) =>
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == ticketId), "the job waits in the tray");

    /// <summary>
    /// A fresh company (new jobs wait for a dispatcher unless <paramref name="autoAssign"/>), set up by
    /// <paramref name="arrange"/> before the dispatcher signs in on /dispatch/.
    /// </summary>
    private async Task<BoardSession> OpenAsync(PortalFactory app, Func<DispatchScenario, Task> arrange, bool autoAssign = false, string? expectedErrorPath = null)
    {
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign);
        await arrange(day);
        var context = await browser.NewContextAsync(address);
        var page = await DispatchPageTests.SignInAsync(context, day.Company);
        return new BoardSession(day, context, page, expectedErrorPath is null ? new PageProblems(page) : new PageProblems(page, expectedErrorPath));
    }

    private sealed record BoardSession(DispatchScenario Day, IBrowserContext Context, IPage Page, PageProblems Problems) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    /// <summary>A technician living in Ribeira and a job in Campanha, due in one to three hours, waiting in the tray; returns the job's id.</summary>
    private static async Task<string> TechnicianAndAJobInTheTrayAsync(DispatchScenario day, string technician, string[] skills, string job, string[] jobSkills)
    {
        await day.AddTechnicianAsync(technician, skills, Ribeira);
        var id = (await day.AddJobAsync(job, Campanha, jobSkills, window: (1, 3))).Id;
        await WaitForTrayAsync(day, id);
        return id;
    }

    // A job is for a customer's property, named by their ids.
    /// <summary>Finds the customer by typing part of their name, picks them, and leaves their first property chosen.</summary>
    private static async Task PickCustomerAsync(ILocator form, string typed, string customerName)
    {
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Customer" }).PressSequentiallyAsync(typed);
        await form.GetByRole(AriaRole.Option, new() { Name = customerName }).ClickAsync();
    }

    private static async Task AssignByStatusAsync(DispatchScenario day, string ticketId, string technicianId)
    {
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status = "Assigned", technicianId })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            async () => (await day.BoardAsync()).Technicians.Single(t => t.Id == technicianId).Stops.Any(s => s.Job.TicketId == ticketId),
            "the board shows the job on the technician's route");
    }

    [Fact]
    public async Task DraggingAJobOntoATechniciansRow_AssignsIt_AndTakesItOutOfTheTray()
    {
        using var app = new PortalFactory();
        string gil = "", job = "";
        await using var board = await OpenAsync(app, async day =>
        {
            gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
            await day.AddTechnicianAsync("Mia Mendes", ["irrigation"], Matosinhos);
            job = (await day.AddJobAsync("Check valves", Campanha, window: (1, 3))).Id;
            await WaitForTrayAsync(day, job);
        });
        var page = board.Page;

        await Assertions.Expect(Card(page, "Check valves")).ToContainTextAsync("Routine");
        await Card(page, "Check valves").DragToAsync(Lane(page, "Gil Gardener"));

        await Assertions.Expect(Row(page, "Gil Gardener")).ToContainTextAsync("Check valves");
        await Assertions.Expect(Tray(page)).Not.ToContainTextAsync("Check valves");
        await Assertions.Expect(Row(page, "Mia Mendes")).Not.ToContainTextAsync("Check valves");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("assigned to Gil Gardener");
        var ticket = await board.Day.TicketAsync(job);
        Assert.Equal(gil, ticket.TechnicianId);
        Assert.True(ticket.Pinned);
        await BrowserFixture.SaveScreenshotAsync(page, "board-drag-assigned");

        // On a phone the panels stack; the row and its stop are still there to read.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(Row(page, "Gil Gardener")).ToContainTextAsync("Check valves");
        await BrowserFixture.SaveScreenshotAsync(page, "board-narrow");
        Assert.Empty(board.Problems.All);
    }

    [Fact]
    public async Task WithoutDragging_SelectThenAssignHere_AssignsTheJob_AndUnassignPutsItBack()
    {
        using var app = new PortalFactory();
        string job = "";
        await using var board = await OpenAsync(app, async day => job = await TechnicianAndAJobInTheTrayAsync(day, "Gil Gardener", ["irrigation"], "Check valves", ["irrigation"]));
        var page = board.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Select Check valves to assign" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign here: the selected job to Gil Gardener" }).ClickAsync();

        await Assertions.Expect(Row(page, "Gil Gardener")).ToContainTextAsync("Check valves");
        await Assertions.Expect(Tray(page)).Not.ToContainTextAsync("Check valves");

        // A stop too short for its buttons shows them when pointed at, as a person would before reaching for the ×.
        var stop = Row(page, "Gil Gardener").Locator("li.stop");
        var unassign = page.GetByRole(AriaRole.Button, new() { Name = "Unassign Check valves" });
        await stop.HoverAsync();
        await WhatAPersonSees.AssertInsideAsync(unassign, stop, "the stop's unassign button");
        await unassign.ClickAsync();

        await Assertions.Expect(Card(page, "Check valves")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "Gil Gardener")).Not.ToContainTextAsync("Check valves");
        Assert.Null((await board.Day.TicketAsync(job)).TechnicianId);
        Assert.Empty(board.Problems.All);
    }

    [Fact]
    public async Task ADropOntoATechnicianWithoutTheSkill_ShowsWhy_AndTheJobStaysInTheTray()
    {
        using var app = new PortalFactory();
        string job = "";
        await using var board = await OpenAsync(
            app, async day => job = await TechnicianAndAJobInTheTrayAsync(day, "Eva Electrician", ["electrical"], "Service the gas boiler", ["gas"]),
            expectedErrorPath: "/api/v1/dispatch/assignments");
        var page = board.Page;

        await Card(page, "Service the gas boiler").DragToAsync(Lane(page, "Eva Electrician"));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Eva Electrician lacks gas");
        await Assertions.Expect(Card(page, "Service the gas boiler")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "Eva Electrician")).Not.ToContainTextAsync("Service the gas boiler");
        Assert.Null((await board.Day.TicketAsync(job)).TechnicianId);
        await BrowserFixture.SaveScreenshotAsync(page, "board-drop-refused");
        Assert.Empty(board.Problems.All); // the 409 itself is expected
    }

    [Fact]
    public async Task AnEmergencyNobodyCanTake_AppearsInTheAlertsWhileThePageIsOpen()
    {
        using var app = new PortalFactory();
        await using var board = await OpenAsync(app, day => day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira), autoAssign: true);
        var page = board.Page;
        var alerts = page.GetByRole(AriaRole.List, new() { Name = "Alerts" });
        await Assertions.Expect(alerts).ToContainTextAsync("No alerts.");

        await board.Day.AddJobAsync("Gas leak in the cellar", Gaia, ["gas"], window: (0, 1), priority: "Emergency");

        await Assertions.Expect(alerts).ToContainTextAsync("Unassigned emergency");
        await Assertions.Expect(alerts.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Gas leak in the cellar");
        await Assertions.Expect(Card(page, "Gas leak in the cellar")).ToContainTextAsync("Emergency");
        await BrowserFixture.SaveScreenshotAsync(page, "board-alert");
        Assert.Empty(board.Problems.All);
    }

    [Fact]
    public async Task ADispatcherCreatesAJobOnTheMap_AndDispatchPutsItOnTheRightRoute()
    {
        using var app = new PortalFactory();
        await using var session = await OpenAsync(app, async day => await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira), autoAssign: true);
        var page = session.Page;

        var customer = await CustomerScenario.CreateAsync(session.Day.Company, "Flores household");
        await customer.AddPropertyAsync("Home", "Rua das Flores 12, Porto");
        var garden = await customer.AddPropertyAsync("Allotment", "Rua do Campo Alegre 80, Porto");

        await page.GetByRole(AriaRole.Button, new() { Name = "New job" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog, new() { Name = "New job" });
        await Assertions.Expect(form.GetByRole(AriaRole.Combobox, new() { Name = "Customer" })).ToBeFocusedAsync();
        await PickCustomerAsync(form, "flores", "Flores household");
        await form.GetByLabel("Property").SelectOptionAsync(new SelectOptionValue { Label = "Allotment · Rua do Campo Alegre 80, Porto" });
        await Assertions.Expect(page.Locator(".new-job-pin")).ToHaveCountAsync(1); // the chosen property, on the map
        await form.GetByLabel("Description").FillAsync("Broken sprinkler head");
        await form.GetByLabel("Skills needed (comma-separated)").FillAsync("irrigation");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Assertions.Expect(form).ToBeHiddenAsync();
        await Assertions.Expect(Lane(page, "Gil Gardener")).ToContainTextAsync("Broken sprinkler head");
        var job = (await session.Day.BoardAsync()).Technicians.Single().Stops.Single().Job;
        Assert.Equal("Rua do Campo Alegre 80, Porto", job.Address);
        var ticket = await session.Day.TicketAsync(job.TicketId);
        Assert.Equal((customer.Id, garden.Id), (ticket.CustomerId, ticket.PropertyId));
        Assert.Empty(session.Problems.All);
    }

    [Fact]
    public async Task ANewJobWithABadWindow_IsRefusedInTheForm()
    {
        using var app = new PortalFactory();
        await using var session = await OpenAsync(app, _ => Task.CompletedTask, expectedErrorPath: "/api/v1/tickets");
        var page = session.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "New job" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog, new() { Name = "New job" });
        await session.Day.Company.SiteAsync(); // the company's one customer, "Walk-in customers", with a property
        await PickCustomerAsync(form, "walk", "Walk-in customers");
        await form.GetByLabel("Description").FillAsync("Backwards window");
        await form.GetByLabel("Window from").FillAsync("2030-01-02T12:00");
        await form.GetByLabel("Window until").FillAsync("2030-01-02T10:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("must end after it starts");
        Assert.Empty((await session.Day.BoardAsync()).Unassigned);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task TheBoard_ShowsThePlanTheTrayAndThePanels_AtBothSizes(int width, int height)
    {
        using var app = new PortalFactory();
        await using var board = await OpenAsync(app, async day =>
        {
            var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
            await day.AddTechnicianAsync("Mia Mendes", ["irrigation"], Matosinhos);
            await AssignByStatusAsync(day, (await day.AddJobAsync("Prune the Matosinhos hedge", Matosinhos, window: (0.5, 8))).Id, gil);
            await WaitForTrayAsync(day, (await day.AddJobAsync("Check valves", Campanha, window: (1, 3))).Id);
        });
        var page = board.Page;
        await page.SetViewportSizeAsync(width, height);

        await Assertions.Expect(Row(page, "Gil Gardener")).ToContainTextAsync("1");
        var stop = Row(page, "Gil Gardener").GetByRole(AriaRole.Button, new() { Name = "Stop 1: Prune the Matosinhos hedge" });
        await WhatAPersonSees.AssertInsideAsync(stop, Lane(page, "Gil Gardener"), "Gil's first stop");
        await WhatAPersonSees.AssertInsideAsync(Row(page, "Mia Mendes"), DayPlan(page), "Mia's row");
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Select Check valves to assign" }), Card(page, "Check valves"), "the card's Select button");
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Optimize the day" }), page.GetByRole(AriaRole.Region, new() { Name = "Optimize" }), "Optimize the day");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-board");
        Assert.Empty(board.Problems.All);
    }

    [Fact]
    public async Task TwentyTechnicians_FitTheDayPlanOnAnOfficeScreen_EachInTheirOwnColour_AndAShortStopShowsWholeWords()
    {
        using var app = new PortalFactory();
        const string description = "Replace the broken sprinkler head";
        await using var board = await OpenAsync(app, async day =>
        {
            // Twenty routes: each technician has a job, the first a fifteen-minute one.
            for (var i = 1; i <= 20; i++)
            {
                var id = await day.AddTechnicianAsync($"Technician {i:00}", ["irrigation"], (Ribeira.Latitude + i * 0.002, Ribeira.Longitude));
                var job = await day.AddJobAsync(i == 1 ? description : $"Job {i}", (Campanha.Latitude + i * 0.002, Campanha.Longitude), minutes: i == 1 ? 15 : 45, window: (1, 6));
                await AssignByStatusAsync(day, job.Id, id);
            }
        });
        var page = board.Page;
        await page.SetViewportSizeAsync(1440, 900);

        var plan = (await DayPlan(page).BoundingBoxAsync())!;
        for (var i = 1; i <= 20; i++)
        {
            await WhatAPersonSees.AssertInsideAsync(Row(page, $"Technician {i:00}"), DayPlan(page), $"Technician {i:00}'s row");
            var row = (await Row(page, $"Technician {i:00}").BoundingBoxAsync())!;
            Assert.True(row.Y + row.Height <= plan.Y + plan.Height + 0.5 && row.Y + row.Height <= 900, $"Technician {i:00}'s row is cut off at the bottom");
        }
        var colours = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('.tech-row .swatch')].map(s => getComputedStyle(s).backgroundColor)");
        Assert.Equal(20, colours.Length);
        Assert.Equal(20, colours.Distinct().Count());

        // A fifteen-minute stop is narrow: it shows its number and whole words only; the rest is in its tooltip and name.
        var stop = Row(page, "Technician 01").GetByRole(AriaRole.Button, new() { Name = $"Stop 1: {description}" });
        var shown = string.Join(' ', await stop.Locator("[aria-hidden=true]").AllInnerTextsAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1", shown[0]);
        var words = description.Split(' ');
        Assert.All(shown.Skip(1), word => Assert.Contains(word.TrimEnd('…'), words));
        await Assertions.Expect(Row(page, "Technician 01").GetByRole(AriaRole.Listitem)).ToHaveAttributeAsync("title", new Regex(description));
        // Each route is drawn on the map in its row's colour.
        await Assertions.Expect(page.Locator("path.route")).ToHaveCountAsync(20);
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-board-20");
        Assert.Empty(board.Problems.All);
    }
}
