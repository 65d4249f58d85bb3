using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The board says who can take a job before it is dropped (while dragged, or selected for the keyboard) and marks the
/// planned stops that break the rules: as a dispatcher sees it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatchConflictsPageTests(BrowserFixture browser)
{
    private const string Boiler = "Service the gas boiler";
    private const string Meter = "Check the gas meter";
    private const string Radiators = "Bleed the gas radiators";

    private static ILocator Row(IPage page, string technician) => page.GetByRole(AriaRole.Listitem, new() { Name = technician, Exact = true });

    private static ILocator Lane(IPage page, string technician) => page.GetByLabel($"{technician}'s day: drop a job here");

    private static ILocator Verdict(IPage page, string technician) => Row(page, technician).Locator(".verdict");

    private static ILocator Card(IPage page, string description) =>
        page.GetByRole(AriaRole.List, new() { Name = "Unassigned" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = description });

    /// <summary>
    /// Ana holds gas and has the radiators job half an hour from now, Eva only electrical; Gil was given the meter job while his gas certificate was valid, and the office
    /// has since recorded that it expired yesterday. The boiler job waits in the tray.
    /// </summary>
    private async Task<(IBrowserContext Context, IPage Page, PageProblems Problems)> OpenAsync(PortalFactory app)
    {
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: false);
        var today = (await day.BoardAsync()).Day;
        var ana = await day.AddTechnicianAsync("Ana Gas", ["gas"], Ribeira);
        await day.AddTechnicianAsync("Eva Electrician", ["electrical"], Matosinhos);
        object[] Gas(DateOnly expires) => [new { name = "gas", expiresOn = expires.ToString("yyyy-MM-dd") }];
        var gil = await day.AddTechnicianAsync("Gil Lapsed", [], Gaia, certifications: Gas(today.AddYears(1)));
        var meter = (await day.AddJobAsync(Meter, Gaia, ["gas"], window: (0.5, 6))).Id;
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = meter, technicianId = gil })).EnsureSuccessStatusCode();
        await day.SetScheduleAsync(gil, Gaia, certifications: Gas(today.AddDays(-1)));
        var radiators = (await day.AddJobAsync(Radiators, Ribeira, ["gas"], window: (0.5, 1))).Id;
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = radiators, technicianId = ana })).EnsureSuccessStatusCode();
        var boiler = (await day.AddJobAsync(Boiler, Campanha, ["gas"], window: (1, 4))).Id;
        await Eventually.TrueAsync(async () =>
        {
            var board = await day.BoardAsync();
            return board.Unassigned.Any(j => j.TicketId == boiler) && board.Technicians.Single(t => t.Id == gil).Stops.Any(s => s.Job.TicketId == meter && s.Conflicts.Count > 0);
        }, "the boiler job waits in the tray and Gil's meter job is marked");
        var context = await browser.NewContextAsync(address);
        var page = await DispatchPageTests.SignInAsync(context, day.Company);
        return (context, page, new PageProblems(page));
    }

    [Fact]
    public async Task DraggingAJob_MarksEachRowBeforeTheDrop_AndTheDropOnAQualifiedTechnicianAssignsIt()
    {
        using var app = new PortalFactory();
        var (context, page, problems) = await OpenAsync(app);
        await using var _ = context;
        await page.SetViewportSizeAsync(1440, 900);
        await Assertions.Expect(Card(page, Boiler)).ToBeVisibleAsync();

        // Pick the card up and hold it over Eva's lane, the button still down.
        var card = (await Card(page, Boiler).Locator(".description").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(card.X + card.Width / 2, card.Y + card.Height / 2);
        await page.Mouse.DownAsync();
        var eva = (await Lane(page, "Eva Electrician").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(eva.X + eva.Width * 0.9f, eva.Y + eva.Height / 2, new() { Steps = 8 });

        await Assertions.Expect(page.Locator(".drag-ghost")).ToHaveTextAsync(Boiler);
        await Assertions.Expect(Verdict(page, "Eva Electrician")).ToHaveTextAsync("Missing skill: gas");
        await Assertions.Expect(Verdict(page, "Gil Lapsed")).ToHaveTextAsync("Expired certificate: gas");
        await Assertions.Expect(Verdict(page, "Ana Gas")).ToHaveTextAsync("Can take it");
        // The reason in words for a screen reader too, and the whole sentence in the tooltip.
        await Assertions.Expect(Row(page, "Gil Lapsed")).ToContainTextAsync("Gil Lapsed's gas certificate expired on");
        await Assertions.Expect(Verdict(page, "Eva Electrician")).ToHaveAttributeAsync("title", new Regex("^Missing skill: gas: Eva Electrician lacks gas .*, which the job needs\\.$"));
        await WhatAPersonSees.AssertInsideAsync(Verdict(page, "Eva Electrician"), Lane(page, "Eva Electrician"), "Eva's reason");
        await WhatAPersonSees.ScreenshotAsync(page, "board-dragging");

        // Over Ana's radiators stop: she could take the job, but not at that time.
        var lane = (await Lane(page, "Ana Gas").BoundingBoxAsync())!;
        var (start, width) = await StopSpanAsync(Row(page, "Ana Gas").GetByRole(AriaRole.Listitem).Filter(new() { HasText = Radiators }));
        float At(double percent) => (float)(lane.X + lane.Width * percent / 100);
        await page.Mouse.MoveAsync(At(start + width / 2), lane.Y + lane.Height / 2, new() { Steps = 4 });
        await Assertions.Expect(Verdict(page, "Ana Gas")).ToHaveTextAsync($"Double booking: {Radiators}");
        await Assertions.Expect(Row(page, "Ana Gas")).ToContainTextAsync($"At that time they are on \"{Radiators}\"");

        // An hour after it ends (inside the boiler's window): free, and the drop there assigns the job.
        await page.Mouse.MoveAsync(At(start + width * 2), lane.Y + lane.Height / 2, new() { Steps = 4 });
        await Assertions.Expect(Verdict(page, "Ana Gas")).ToHaveTextAsync("Can take it");
        await page.Mouse.UpAsync();

        await Assertions.Expect(Row(page, "Ana Gas")).ToContainTextAsync(Boiler);
        await Assertions.Expect(page.Locator(".verdict")).ToHaveCountAsync(0); // nothing is picked up any more
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task SelectingAJobForTheKeyboard_MarksTheRows_AndAPlannedStopThatBreaksTheRules_SaysWhy(int width, int height)
    {
        using var app = new PortalFactory();
        var (context, page, problems) = await OpenAsync(app);
        await using var _ = context;
        await page.SetViewportSizeAsync(width, height);

        // Gil's meter job needs the gas certificate that has expired: its stop carries a mark with the reason.
        var mark = Row(page, "Gil Lapsed").GetByRole(AriaRole.Img, new() { Name = $"Conflict on {Meter}: Expired certificate: gas" });
        await Assertions.Expect(mark).ToBeVisibleAsync();
        await Assertions.Expect(mark).ToHaveAttributeAsync("title", new Regex("certificate expired on"));
        await WhatAPersonSees.AssertInsideAsync(mark, Lane(page, "Gil Lapsed"), "the conflict mark on Gil's stop");

        var select = page.GetByRole(AriaRole.Button, new() { Name = $"Select {Boiler} to assign" });
        await select.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Verdict(page, "Eva Electrician")).ToHaveTextAsync("Missing skill: gas");
        await Assertions.Expect(Verdict(page, "Gil Lapsed")).ToHaveTextAsync("Expired certificate: gas");
        await Assertions.Expect(Verdict(page, "Ana Gas")).ToHaveTextAsync("Can take it");
        await Assertions.Expect(Row(page, "Eva Electrician")).ToHaveClassAsync(new Regex("verdict-cannot"));
        foreach (var name in new[] { "Eva Electrician", "Gil Lapsed", "Ana Gas" })
            await WhatAPersonSees.AssertInsideAsync(Verdict(page, name), Lane(page, name), $"{name}'s verdict");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "board-selected-verdicts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign here: the selected job to Ana Gas" }).ClickAsync();
        await Assertions.Expect(Row(page, "Ana Gas")).ToContainTextAsync(Boiler);
        await Assertions.Expect(page.Locator(".verdict")).ToHaveCountAsync(0);
        Assert.Empty(problems.All);
    }

    /// <summary>Where a stop sits on its lane, as the percentages of the lane's width it is placed at (its start and its length).</summary>
    private static async Task<(double Start, double Width)> StopSpanAsync(ILocator stop)
    {
        var span = await stop.EvaluateAsync<double[]>("e => [parseFloat(e.style.insetInlineStart), parseFloat(e.style.width)]");
        return (span[0], span[1]);
    }
}
