using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The "Today" list on /tech: a technician works their day from the phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TechJobsPageTests(BrowserFixture browser)
{
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(Uri address, string token, (double Latitude, double Longitude) at)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            Geolocation = new() { Latitude = (float)at.Latitude, Longitude = (float)at.Longitude, Accuracy = 10 },
            Permissions = ["geolocation"],
            ViewportSize = new() { Width = 390, Height = 844 }, // a phone
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/tech/?token={token}");
        return (context, page);
    }

    /// <summary>A company where it is about noon, with one technician working all day and a device token for them.</summary>
    private static async Task<(DispatchScenario Day, string Technician, string Token)> TechnicianAsync(PortalFactory app)
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var token = (await day.Company.IssueTokenAsync(technician)).Token;
        return (day, technician, token);
    }

    private static async Task WaitForRouteAsync(PortalFactory app, string token, int jobs)
    {
        var device = app.CreateClient();
        device.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Eventually.TrueAsync(async () => (await device.GetFromJsonAsync<JsonElement>("/api/v1/device/jobs")).GetArrayLength() == jobs, $"{jobs} jobs are on the route");
    }

    private static ILocator Job(IPage page, string ticketId) => page.Locator($"#jobs > li[data-ticket='{ticketId}']");

    private static ILocator Step(ILocator job, string name) => job.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task ATechnician_SeesTodaysJobsInRouteOrder_AndWorksTheFirstOneFromThePhone()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, technician, token) = await TechnicianAsync(app);
        var afternoon = await day.AddJobAsync("Check valves", Boavista, minutes: 30, window: (3, 4));
        var morning = await day.AddJobAsync("Fix the pump", Campanha, minutes: 45, window: (1, 2));
        await WaitForRouteAsync(app, token, 2);
        var (context, page) = await OpenAsync(address, token, Campanha);
        await using var _ = context;
        var problems = new PageProblems(page);

        var jobs = page.Locator("#jobs > li");
        await Assertions.Expect(jobs).ToHaveCountAsync(2);
        Assert.Equal([morning.Id, afternoon.Id], await jobs.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.ticket)"));
        var first = Job(page, morning.Id);
        await Assertions.Expect(first).ToHaveClassAsync(NextJob());
        await Assertions.Expect(Job(page, afternoon.Id)).Not.ToHaveClassAsync(NextJob());
        await Assertions.Expect(first.Locator(".eta")).ToHaveTextAsync(EtaText());
        await Assertions.Expect(Job(page, afternoon.Id).Locator(".eta")).ToHaveTextAsync(EtaText());
        await Assertions.Expect(first).ToContainTextAsync("Fix the pump street");
        var at = string.Create(CultureInfo.InvariantCulture, $"{Campanha.Latitude},{Campanha.Longitude}");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "Navigate" })).ToHaveAttributeAsync("href", $"geo:{at}?q={at}(Fix%20the%20pump%20street)");
        await Assertions.Expect(Step(first, "Arrived")).ToBeDisabledAsync();
        await Assertions.Expect(Step(first, "Done")).ToBeDisabledAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "tech-today");

        await Step(first, "On my way").ClickAsync();
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(Step(first, "On my way")).ToBeDisabledAsync();
        await Step(first, "Arrived").ClickAsync();
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("On site");
        await Step(first, "Done").ClickAsync();

        await Assertions.Expect(jobs).ToHaveCountAsync(1); // finished work leaves the list; the next job moves up
        await Assertions.Expect(Job(page, afternoon.Id)).ToHaveClassAsync(NextJob());
        var done = await day.TicketAsync(morning.Id);
        Assert.Equal("Completed", done.Status);
        Assert.Equal(["EnRoute", "OnSite", "Completed"], done.Audit.TakeLast(3).Select(a => a.To));
        Assert.All(done.Audit.TakeLast(3), a => Assert.Equal($"technician:{technician}", a.Actor));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ArrivingFarFromTheJob_AsksForAReason_AndChecksInWithIt()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, _, token) = await TechnicianAsync(app);
        var job = await day.AddJobAsync("Fix the pump", Campanha, window: (1, 2));
        await WaitForRouteAsync(app, token, 1);
        var (context, page) = await OpenAsync(address, token, (Campanha.Latitude + 0.01, Campanha.Longitude)); // about 1.1 km north
        await using var _ = context;
        var problems = new PageProblems(page, "/api/v1/device/check-in");
        var item = Job(page, job.Id);

        await Step(item, "On my way").ClickAsync();
        await Step(item, "Arrived").ClickAsync();
        await Assertions.Expect(item.Locator("form.reason")).ToContainTextAsync("m from the job");
        await item.GetByLabel("Why are you checking in from here?").FillAsync("the gate is on the next street");
        await Step(item, "Check in").ClickAsync();

        await Assertions.Expect(item.Locator(".status")).ToHaveTextAsync("On site");
        await Assertions.Expect(item.Locator("form.reason")).ToHaveCountAsync(0);
        var onSite = await day.TicketAsync(job.Id);
        Assert.Equal(("OnSite", "the gate is on the next street"), (onSite.Status, onSite.Audit[^1].Reason));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ALateJob_SaysHowLateInRed_AndARefusalShowsTheServersReason()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (context, page) = await OpenAsync(address, "any-token", Campanha);
        await using var _ = context;
        var now = DateTimeOffset.UtcNow;
        // The list as the API would send it for a job running late: this test is about how the page shows it.
        var late = new
        {
            ticketId = "0123456789abcdef0123456789abcdef", description = "Fix the pump", address = "Rua das Flores 1",
            location = new { latitude = Campanha.Latitude, longitude = Campanha.Longitude },
            arrivalWindow = new { start = now.AddHours(-2), end = now.AddHours(-1) }, status = "Assigned",
            plannedArrival = now.AddHours(-2), eta = now.AddMinutes(10), minutesLate = 70.4, estimatedMinutes = 60, priority = "Routine",
            allowedStatuses = new[] { "EnRoute" },
        };
        await page.RouteAsync("**/api/v1/device/jobs", route => route.FulfillAsync(new() { Json = new[] { late } }));
        await page.RouteAsync("**/api/v1/device/jobs/*/status", route => route.FulfillAsync(new()
        {
            Status = 409, ContentType = "application/problem+json",
            Body = """{"title":"That status change is not allowed.","status":409,"detail":"A ticket that is OnHold cannot become EnRoute."}""",
        }));
        await page.ReloadAsync();
        var item = page.Locator("#jobs > li");

        await Assertions.Expect(item.Locator(".late")).ToHaveTextAsync("70 min late");
        Assert.Equal("rgb(207, 34, 46)", await item.Locator(".late").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Step(item, "On my way").ClickAsync();
        await Assertions.Expect(page.Locator("#jobs-error")).ToHaveTextAsync("A ticket that is OnHold cannot become EnRoute.");
    }

    [GeneratedRegex(@"\bnext\b")]
    private static partial Regex NextJob();

    [GeneratedRegex(@"^ETA \d{1,2}:\d{2}")]
    private static partial Regex EtaText();
}
