using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// A dispatcher's morning in the browser, from first screen to last, without the API: a new customer found by their
/// address, a job for them made on the dashboard, the conflicts shown while it is dragged, the drop that assigns it,
/// "Optimize the day" previewed and applied, the technician turning "en route" on the map when their phone says so, and
/// the late-risk alert that follows opening the job's page. Only the technician's phone is played by the test (its
/// token, pings and "On my way" are the device API a phone calls).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatcherMorningWalkthroughTests(BrowserFixture browser)
{
    private const string Job = "Check the sprinkler valves";

    [Fact]
    public async Task ADispatchersMorning_FromANewCustomer_ToTheJobPageTheAlertOpens()
    {
        var extract = SmallExtracts.SantaCatarina();
        try
        {
            using var app = new PortalFactory();
            app.Settings["Routing:Extract"] = extract;
            var address = app.StartOnLoopback();
            var day = await CreateAsync(app, autoAssign: false);
            var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
            await day.AddTechnicianAsync("Eva Electrician", ["electrical"], Matosinhos);
            var phone = app.CreateClient();
            phone.DefaultRequestHeaders.Authorization = new("Bearer", (await day.Company.IssueTokenAsync(gil)).Token);
            await PingAsync(phone, Ribeira, DateTimeOffset.UtcNow.AddMinutes(-10)); // at his home base this morning

            await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = WhatAPersonSees.Desk });
            var page = await OfficePages.SignInAsync(context, day.Company, "/office/customers/");
            var problems = new PageProblems(page);

            // A new customer, their home found by typing its address.
            await page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Smith household");
            await page.GetByLabel("Contact's name").FillAsync("Ana Smith");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"ana-{Guid.NewGuid():N}@example.test");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smith household" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Address" }).PressSequentiallyAsync("santa cat 312");
            await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Rua de Santa Catarina 312" }).ClickAsync();
            await page.GetByLabel("Name (e.g. Home)").FillAsync("Home");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add property" }).ClickAsync();
            await Assertions.Expect(page.Locator("#properties-title + ul")).ToContainTextAsync("Rua de Santa Catarina 312");

            // To the dashboard by the office's bar; a job for them there, due within the next quarter of an hour.
            await page.GetByRole(AriaRole.Link, new() { Name = "Dispatch" }).ClickAsync();
            await Assertions.Expect(page.GetByTitle("Live connection")).ToHaveTextAsync("live");
            await page.GetByRole(AriaRole.Button, new() { Name = "New job" }).ClickAsync();
            var form = page.GetByRole(AriaRole.Dialog, new() { Name = "New job" });
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Customer" }).PressSequentiallyAsync("smith");
            await form.GetByRole(AriaRole.Option).Filter(new() { HasText = "Smith household" }).ClickAsync();
            await Assertions.Expect(form.GetByLabel("Property")).ToContainTextAsync("Rua de Santa Catarina 312");
            await form.GetByLabel("Description").FillAsync(Job);
            await form.GetByLabel("Skills needed (comma-separated)").FillAsync("irrigation");
            var zone = TimeZoneInfo.FindSystemTimeZoneById(day.TimeZone);
            string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            await form.GetByLabel("Window from").FillAsync(Local(DateTimeOffset.UtcNow));
            await form.GetByLabel("Window until").FillAsync(Local(DateTimeOffset.UtcNow.AddMinutes(15)));
            await form.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
            await Assertions.Expect(form).ToBeHiddenAsync();
            var card = page.GetByRole(AriaRole.List, new() { Name = "Unassigned" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = Job });
            await Assertions.Expect(card).ToBeVisibleAsync();

            // Dragged over the day plan: Eva lacks the skill, Gil can take it; the drop on Gil's lane assigns it.
            var from = (await card.Locator(".description").BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
            await page.Mouse.DownAsync();
            var eva = (await Lane(page, "Eva Electrician").BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(eva.X + eva.Width * 0.5f, eva.Y + eva.Height / 2, new() { Steps = 8 });
            await Assertions.Expect(Verdict(page, "Eva Electrician")).ToHaveTextAsync("Missing skill: irrigation");
            await Assertions.Expect(Verdict(page, "Gil Gardener")).ToHaveTextAsync("Can take it");
            await WhatAPersonSees.ScreenshotAsync(page, "walkthrough-dragging");
            var lane = (await Lane(page, "Gil Gardener").BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(lane.X + lane.Width * 0.05f, lane.Y + lane.Height / 2, new() { Steps = 8 });
            await page.Mouse.UpAsync();
            await Assertions.Expect(Row(page, "Gil Gardener")).ToContainTextAsync(Job);
            var ticketId = (await day.BoardAsync()).Technicians.Single(t => t.Id == gil).Stops.Single().Job.TicketId;

            // "Optimize the day": a preview first, applied by choice.
            var optimize = page.GetByRole(AriaRole.Region, new() { Name = "Optimize", Exact = true });
            await optimize.GetByLabel("Search for").SelectOptionAsync("3");
            await optimize.GetByRole(AriaRole.Button, new() { Name = "Optimize the day" }).ClickAsync();
            var preview = page.GetByRole(AriaRole.Region, new() { NameRegex = new("^Proposed plan for ") });
            await Assertions.Expect(preview).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await WhatAPersonSees.ScreenshotAsync(page, "walkthrough-preview");
            await preview.GetByRole(AriaRole.Button, new() { Name = "Apply the plan" }).ClickAsync();
            await Assertions.Expect(optimize).ToContainTextAsync("Plan applied");
            await Assertions.Expect(Row(page, "Gil Gardener")).ToContainTextAsync(Job);

            // Gil taps "On my way" on his phone: the dashboard shows him en route.
            (await phone.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
            var gilInList = DispatchPageTests.TechnicianList(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gil Gardener" });
            await Assertions.Expect(gilInList).ToContainTextAsync("En route");

            // He drives the wrong way: the job will be late, and the alert that says so opens the job's page.
            await PingAsync(phone, Matosinhos, DateTimeOffset.UtcNow); // 8 km from the job, the wrong way
            var alert = page.GetByRole(AriaRole.List, new() { Name = "Alerts" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Late risk" });
            await Assertions.Expect(alert).ToContainTextAsync("Gil Gardener is expected at");
            await Assertions.Expect(alert).ToContainTextAsync("Rua de Santa Catarina 312");
            await WhatAPersonSees.AssertAccessibleAsync(page);
            await WhatAPersonSees.ScreenshotAsync(page, "walkthrough-alert");
            await alert.GetByRole(AriaRole.Link, new() { Name = "Open job" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync($"{address}office/jobs/?id={ticketId}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Job, Level = 2 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Gil Gardener");
            await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
            await WhatAPersonSees.ScreenshotAsync(page, "walkthrough-job");
            Assert.Empty(problems.All);
        }
        finally
        {
            File.Delete(extract);
        }
    }

    private static ILocator Row(IPage page, string technician) => page.GetByRole(AriaRole.Listitem, new() { Name = technician, Exact = true });

    private static ILocator Lane(IPage page, string technician) => page.GetByLabel($"{technician}'s day: drop a job here");

    private static ILocator Verdict(IPage page, string technician) => Row(page, technician).Locator(".verdict");

    private static async Task PingAsync(HttpClient phone, (double Latitude, double Longitude) at, DateTimeOffset time) =>
        (await phone.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time, lat = at.Latitude, lon = at.Longitude } } })).EnsureSuccessStatusCode();
}
