using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Portal;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Notifications;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The tracking-link page in Chromium, opened without signing in, as a customer opens it from a message.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrackingPageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 900)]
    public async Task TheLink_ShowsTheTechnicianApproaching_ThenArrived_WithNoMorePosition(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, job, device) = await DispatchedJobAsync(app);
        var token = await new TrackingLinks(app, day.Dispatcher).TokenForAsync(job);
        await MoveAsync(day, job, "EnRoute");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/track/{token}");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(" is on the way$"));
        await Assertions.Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();

        var firstEta = (await Fact(page, "Expected").TextContentAsync())!;
        // Matosinhos, 10 km from the job: the marker appears there and the ETA moves later.
        (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow, lat = 41.1844, lon = -8.6963 } } })).EnsureSuccessStatusCode();
        var map = page.GetByRole(AriaRole.Region, new() { Name = "Map of your technician on the way to your address" });
        var marker = map.GetByRole(AriaRole.Img, new() { Name = "Your technician's position" });
        await Assertions.Expect(marker).ToHaveAttributeAsync("data-lat", "41.1844");
        await Assertions.Expect(Fact(page, "Expected")).Not.ToHaveTextAsync(firstEta, new() { Timeout = 15_000 });
        await Assertions.Expect(Fact(page, "Expected")).Not.ToHaveTextAsync("—");
        await WhatAPersonSees.AssertInsideAsync(marker, map, "the technician's marker");
        await WhatAPersonSees.AssertInsideAsync(map.GetByRole(AriaRole.Img, new() { Name = "Your address" }), map, "the visit's address");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        Assert.Equal(0, await page.Locator("nav").CountAsync()); // no portal navigation: the link opens this visit and nothing else
        await WhatAPersonSees.ScreenshotAsync(page, "track-en-route");

        await MoveAsync(day, job, "OnSite");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("Arrived");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(" has arrived$"));
        await Assertions.Expect(marker).ToHaveCountAsync(0);
        await Assertions.Expect(map).ToBeHiddenAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "track-arrived");

        await MoveAsync(day, job, "Completed");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("Done");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The visit is complete" })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    /// <summary>
    /// The issue's end-to-end case: the ticket goes en route; the on-my-way SMS, sent by the outbox through the Twilio SDK,
    /// reaches the fake Twilio with a tracking link; the link opens the live visit with its ETA and the technician moving;
    /// on site, the page says so and shows no position any more.
    /// </summary>
    [Fact]
    public async Task TheOnMyWaySms_CarriesALink_ThatFollowsTheTechnicianUntilTheyArrive()
    {
        await using var twilio = await OrleansPortal.Fakes.FakeTwilio.StartAsync();
        using var app = new PortalFactory();
        app.Settings["Sms:AccountSid"] = twilio.AccountSid;
        app.Settings["Sms:AuthToken"] = twilio.AuthToken;
        app.Settings["Sms:From"] = "+15005550006";
        app.Settings["Sms:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        app.Settings["Portal:PublicBaseUrl"] = "https://portal.example.test";
        var address = app.StartOnLoopback();
        var (day, job, device) = await DispatchedJobAsync(app, ownerPhone: "912 345 678");

        await MoveAsync(day, job, "EnRoute");
        var sms = await twilio.WaitForMessageAsync(m => m.To == "+351912345678" && m.Body.Contains("/track/", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var token = System.Text.RegularExpressions.Regex.Match(sms.Body, @"https://portal\.example\.test/track/([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"the text carries the tracking link: {sms.Body}");
        Assert.Matches(@"is on the way, arriving about \d{1,2}:\d{2}\. Track: ", sms.Body); // dispatch's ETA as they set off

        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/track/{token}");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("On the way");
        (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow, lat = 41.1844, lon = -8.6963 } } })).EnsureSuccessStatusCode();
        var map = page.GetByRole(AriaRole.Region, new() { Name = "Map of your technician on the way to your address" });
        var marker = map.GetByRole(AriaRole.Img, new() { Name = "Your technician's position" });
        await Assertions.Expect(marker).ToHaveAttributeAsync("data-lat", "41.1844");
        (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow.AddSeconds(30), lat = 41.1790, lon = -8.6850 } } })).EnsureSuccessStatusCode();
        await Assertions.Expect(marker).ToHaveAttributeAsync("data-lat", "41.179"); // it moves as the phone reports
        await Assertions.Expect(Fact(page, "Expected")).Not.ToHaveTextAsync("—");
        await WhatAPersonSees.AssertInsideAsync(marker, map, "the technician's marker");

        await MoveAsync(day, job, "OnSite");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("Arrived");
        await Assertions.Expect(marker).ToHaveCountAsync(0);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task InPortuguese_ARevokedLink_SaysItIsNoLongerValid()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        var token = await s.TokenForAsync(job);
        (await s.RevokeAsync(job)).EnsureSuccessStatusCode();
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844, locale: "pt-PT");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/track/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Esta ligação de acompanhamento já não é válida.");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "track-revoked-pt");
        Assert.Empty(problems.All);
    }

    /// <summary>A job whose window is open now, assigned by dispatch (so it has a live ETA), and the technician's phone.</summary>
    private static async Task<(DispatchScenario Day, string Job, HttpClient Device)> DispatchedJobAsync(PortalFactory app, string? ownerPhone = null)
    {
        var day = await DispatchScenario.CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], DispatchScenario.Ribeira);
        var device = Documents.DocumentScenario.DeviceClient(app, (await day.Company.IssueTokenAsync(technician)).Token);
        var customer = await CustomerScenario.CreateAsync(day.Company, "Smith household");
        var property = await customer.AddPropertyAsync("Beach house", "Avenida do Brasil 100, Porto");
        if (ownerPhone is not null)
            (await day.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts",
                new { name = "Maria Smith", email = $"{Guid.NewGuid():N}@example.test", phone = ownerPhone, role = "Owner", grantedPropertyIds = Array.Empty<string>() })).EnsureSuccessStatusCode();
        var created = await day.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = customer.Id, propertyId = property.Id, location = property.Location, address = property.Address,
            description = "Sprinkler zone 3 is flooding", requiredSkills = new[] { "irrigation" }, estimatedMinutes = 45,
            arrivalWindow = new { start = DateTimeOffset.UtcNow.AddMinutes(-5), end = DateTimeOffset.UtcNow.AddHours(3) }, priority = "High",
        });
        var job = (await created.Content.ReadFromJsonAsync<OrleansPortal.Web.Tickets.TicketDto>(ApiJson.Options))!;
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == technician, "dispatch assigns the job");
        return (day, job.Id, device);
    }

    private static async Task MoveAsync(DispatchScenario day, string job, string status) =>
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/status", new { status })).EnsureSuccessStatusCode();

    private static ILocator Fact(IPage page, string term) =>
        page.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{term}$") }).Locator("xpath=following-sibling::dd[1]");
}
