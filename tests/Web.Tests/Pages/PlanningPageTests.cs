using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's planning screen (/office/planning/): the team's week and month, capacity per technician and day, filters
/// kept in the address, and assigning or re-timing several jobs at once, as a dispatcher uses them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanningPageTests(BrowserFixture browser)
{
    private static ILocator View(IPage page, string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The week's cell of a technician and day: a grid cell on a desk, the technician's entry under the day on a phone.</summary>
    private static ILocator WeekCell(IPage page, string technicianId, string day, bool phone) =>
        phone ? page.Locator($"ol.week-list > li[data-day='{day}'] li[data-technician='{technicianId}']")
              : page.Locator($"table.week-grid tr[data-technician='{technicianId}'] td[data-day='{day}']");

    private static async Task<IPage> SignInAsync(IBrowserContext context, TenantScenario company, int width, int height)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/office/planning/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login/\\?returnUrl=%2Foffice%2Fplanning%2F$"));
        await page.GetByLabel("Email").FillAsync(company.Email);
        await page.GetByLabel("Password").FillAsync(TenantScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/office/planning/$"));
        return page;
    }

    /// <summary>Assigned through the ticket (no shift check), as a dispatcher may overbook a day on purpose.</summary>
    private static async Task AssignAsync(DispatchScenario day, string ticketId, string technicianId)
    {
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status = "Assigned", technicianId })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            async () => (await day.BoardAsync()).Technicians.Single(t => t.Id == technicianId).Stops.Any(s => s.Job.TicketId == ticketId),
            "dispatch has the job on the technician's route");
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheWeekShowsAJobOnItsDayAndTechnician_TheMonthCountsIt_CapacityFlagsAnOverbookedDay_AndFiltersNarrowEveryView(int width, int height)
    {
        var phone = width < 500;
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: false);
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var mia = await day.AddTechnicianAsync("Mia Mendes", ["irrigation"], Matosinhos, shift: ("08:00", "10:00"));
        var rui = await day.AddTechnicianAsync("Rui Rocha", ["backflow"], Boavista, shift: ("08:00", "10:00"));
        var valves = await day.AddJobAsync("Check valves", Campanha, minutes: 90, window: (1, 3), priority: "High");
        var pump = await day.AddJobAsync("Replace pump", Gaia, minutes: 90, window: (1, 4));
        var hose = await day.AddJobAsync("Fix hose", Ribeira, minutes: 90, window: (1, 4));
        var test = await day.AddJobAsync("Test backflow valve", Boavista, ["backflow"], minutes: 90, window: (1, 4));
        await day.AddJobAsync("Quote a new lawn", Matosinhos, minutes: 30, window: (2, 5));
        await AssignAsync(day, valves.Id, gil);
        await AssignAsync(day, pump.Id, mia);
        await AssignAsync(day, hose.Id, mia);
        await AssignAsync(day, test.Id, rui);
        var today = (await day.BoardAsync()).Day.ToString("yyyy-MM-dd");
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, day.Company, width, height);
        var problems = new PageProblems(page);

        // The week: the job in Gil's cell of today, and nowhere else.
        var job = page.GetByRole(AriaRole.Link, new() { Name = "Check valves" });
        await Assertions.Expect(WeekCell(page, gil, today, phone).GetByRole(AriaRole.Link, new() { Name = "Check valves" })).ToBeVisibleAsync();
        await Assertions.Expect(job).ToHaveCountAsync(1);
        await Assertions.Expect(job).ToHaveAttributeAsync("href", $"/office/jobs/?id={valves.Id}");
        await Assertions.Expect(WeekCell(page, mia, today, phone)).ToContainTextAsync("3.0 of 2.0 h");
        await Assertions.Expect(page.Locator(phone ? $"ol.week-list > li[data-day='{today}']" : $"table.week-grid tr.unassigned-row td[data-day='{today}']")).ToContainTextAsync("Quote a new lawn");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(job, page.Locator("main"), "the job in the week");
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Next week" }), page.Locator("main"), "next week");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-planning-week");

        // The month: today's cell counts the four assigned jobs and the one waiting.
        await View(page, "Month").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=month"));
        var cell = page.Locator($"table.month-grid td[data-day='{today}']");
        await Assertions.Expect(cell).ToContainTextAsync("4 jobs");
        await Assertions.Expect(cell).ToContainTextAsync("1 unassigned");
        var tomorrow = DateOnly.Parse(today).AddDays(1);
        var quietDay = tomorrow.Month == DateOnly.Parse(today).Month ? tomorrow : DateOnly.Parse(today).AddDays(-1); // in the month shown
        await Assertions.Expect(page.Locator($"table.month-grid td[data-day='{quietDay:yyyy-MM-dd}']")).Not.ToContainTextAsync("job");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(cell, page.Locator("table.month-grid"), "today in the month");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-planning-month");

        // Capacity: Mia's 3 h on a 2 h shift is red and says so in figures; Rui's 1.5 of 2 h amber; Gil's 1.5 of 24 h green.
        await View(page, "Capacity").ClickAsync();
        var overbooked = page.Locator($"table.capacity-grid tr[data-technician='{mia}'] td[data-day='{today}']");
        await Assertions.Expect(overbooked).ToContainTextAsync("150 %");
        await Assertions.Expect(overbooked).ToContainTextAsync("3.0 of 2.0 h");
        await Assertions.Expect(overbooked).ToContainTextAsync("overbooked");
        await Assertions.Expect(overbooked).ToHaveCSSAsync("background-color", "rgb(255, 235, 233)");
        var nearlyFull = page.Locator($"table.capacity-grid tr[data-technician='{rui}'] td[data-day='{today}']");
        await Assertions.Expect(nearlyFull).ToContainTextAsync("75 %");
        await Assertions.Expect(nearlyFull).ToHaveCSSAsync("background-color", "rgb(255, 248, 197)");
        var room = page.Locator($"table.capacity-grid tr[data-technician='{gil}'] td[data-day='{today}']");
        await Assertions.Expect(room).ToContainTextAsync("6 %");
        await Assertions.Expect(room).ToHaveCSSAsync("background-color", "rgb(218, 251, 225)");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "How full a day is" })).ToContainTextAsync("Over 100 %: overbooked");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(page.GetByText("Over 100 %: overbooked"), page.Locator("main"), "the legend");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-planning-capacity");

        // Filters: one technician, then a skill, then a priority; each narrows the view, and the address reproduces it.
        await page.GetByLabel("Technician", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mia Mendes" });
        await Assertions.Expect(page.Locator("table.capacity-grid tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.capacity-grid tbody")).ToContainTextAsync("Mia Mendes");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Technician", new() { Exact = true })).ToHaveValueAsync(mia);
        await Assertions.Expect(page.Locator("table.capacity-grid tbody tr")).ToHaveCountAsync(1);
        // Her week: by the hour on a desk (each job at its time in today's column), as a list of days on a phone.
        await View(page, "Week").ClickAsync();
        var miasToday = phone ? WeekCell(page, mia, today, phone) : page.GetByRole(AriaRole.Region, new() { Name = "Mia Mendes's week by the hour" }).Locator($"ul.day-column[data-day='{today}']");
        await Assertions.Expect(miasToday.GetByRole(AriaRole.Link, new() { Name = "Replace pump" })).ToBeVisibleAsync();
        await Assertions.Expect(miasToday.GetByRole(AriaRole.Link, new() { Name = "Fix hose" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check valves" })).ToHaveCountAsync(0);
        if (!phone)
        {
            // The later job sits lower in the column.
            var pumpTop = (await miasToday.GetByRole(AriaRole.Link, new() { Name = "Replace pump" }).BoundingBoxAsync())!.Y;
            var hoseTop = (await miasToday.GetByRole(AriaRole.Link, new() { Name = "Fix hose" }).BoundingBoxAsync())!.Y;
            Assert.True(hoseTop > pumpTop, $"Fix hose (planned after Replace pump) at {hoseTop}, Replace pump at {pumpTop}");
        }
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-planning-technician-week");

        // Next week by keyboard: her jobs are today's, so the next week has none; Today comes back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"day={DateOnly.Parse(today).AddDays(7):yyyy-MM-dd}"));
        await Assertions.Expect(page.Locator(phone ? "ol.week-list" : "ul.day-column").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Replace pump" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Today" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Replace pump" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await page.GetByLabel("Skill").SelectOptionAsync("backflow");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Test backflow valve" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check valves" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(phone ? "ol.week-list" : "table.week-grid tbody")).ToContainTextAsync("Rui Rocha");
        await Assertions.Expect(page.Locator(phone ? "ol.week-list" : "table.week-grid tbody")).Not.ToContainTextAsync("Gil Gardener");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await page.GetByLabel("Priority").SelectOptionAsync("High");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("priority=High"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check valves" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Replace pump" })).ToHaveCountAsync(0);
        await View(page, "Month").ClickAsync();
        await Assertions.Expect(cell).ToContainTextAsync("1 job");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-planning-filtered");
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task BulkAssigningTwoJobs_OneRefused_ShowsBothOutcomes_AndRetimingMovesTheWindow(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: false);
        await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var valves = await day.AddJobAsync("Check valves", Campanha, window: (1, 3));
        var backflow = await day.AddJobAsync("Test backflow valve", Boavista, ["backflow"], window: (2, 4));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Count == 2, "both jobs wait in the tray");
        await using var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, day.Company, width, height);
        var problems = new PageProblems(page, "/api/v1/dispatch/assignments"); // the refusal is part of the story

        await View(page, "Bulk assign").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Check valves" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Test backflow valve" }).CheckAsync();
        await page.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Gil Gardener" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign 2 selected" }).ClickAsync();

        var results = page.Locator(".results");
        await Assertions.Expect(results.Locator("li.ok")).ToHaveTextAsync("Check valves: assigned to Gil Gardener");
        await Assertions.Expect(results.Locator("li.error")).ToContainTextAsync("Test backflow valve: not assigned.");
        await Assertions.Expect(results.Locator("li.error")).ToContainTextAsync("lacks backflow");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Check valves" })).ToHaveCountAsync(0); // it left the tray
        Assert.Equal("Assigned", (await day.TicketAsync(valves.Id)).Status);
        Assert.Null((await day.TicketAsync(backflow.Id)).TechnicianId);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(results.Locator("li.error"), page.Locator("main"), "the refusal");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-planning-bulk");

        // The refused job's window, an hour later.
        var before = (await day.TicketAsync(backflow.Id)).ArrivalWindow!;
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Test backflow valve" }).CheckAsync();
        await page.GetByLabel("Move windows by").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move 1 selected" }).ClickAsync();
        await Assertions.Expect(results.Locator("li.ok")).ToContainTextAsync("Test backflow valve: window moved to");
        var after = (await day.TicketAsync(backflow.Id)).ArrivalWindow!;
        // The page sends whole milliseconds (a browser's Date), so the window moved by an hour to the millisecond.
        Assert.Equal(
            (before.Start.AddHours(1).ToUnixTimeMilliseconds(), before.End.AddHours(1).ToUnixTimeMilliseconds()),
            (after.Start.ToUnixTimeMilliseconds(), after.End.ToUnixTimeMilliseconds()));
        Assert.Empty(problems.All);
    }
}
