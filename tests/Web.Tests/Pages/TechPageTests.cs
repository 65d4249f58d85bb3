using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class TechPageTests(BrowserFixture browser)
{
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(Uri address, string? token, double lat, double lon, int width = 390, int height = 844)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            Geolocation = new() { Latitude = (float)lat, Longitude = (float)lon, Accuracy = 10 },
            Permissions = ["geolocation"],
            ViewportSize = new() { Width = width, Height = height }, // a phone unless a test says otherwise
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(token is null ? "/tech/" : $"/tech/?token={token}");
        return (context, page);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task StartTracking_PostsThePhonesPosition(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var (context, page) = await OpenAsync(address, device.Token, 41.1496, -8.6109, width, height);
        await using var _ = context;
        var problems = new PageProblems(page);

        Assert.DoesNotContain(device.Token, page.Url); // the token leaves the address bar once stored
        await page.GetByRole(AriaRole.Button, new() { Name = "Start tracking" }).ClickAsync();

        await Assertions.Expect(page.Locator("#sent")).Not.ToHaveTextAsync("—");
        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(41.1496, seen.Position!.Lat, 3);
        await Assertions.Expect(page.Locator("#position")).ToHaveTextAsync("41.14960, -8.61090");
        var sharing = page.GetByRole(AriaRole.Region, new() { Name = "Location sharing" });
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(sharing.GetByRole(AriaRole.Button, new() { Name = "Stop tracking" }), sharing, "Stop tracking");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech");
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task WithoutAToken_ThePageAsksForIt_AndShowsTheDayOnceItIsSaved(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var (context, page) = await OpenAsync(address, token: null, 41.1496, -8.6109, width, height);
        await using var _ = context;
        var problems = new PageProblems(page);
        var tokenField = page.GetByLabel("Device token (from your dispatcher)");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today" })).ToHaveCountAsync(0);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save token" }), page.Locator("main"), "Save token");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech-no-token");

        await tokenField.FillAsync(" " + device.Token + " ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save token" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No jobs on your route today.")).ToBeVisibleAsync();
        Assert.Equal(device.Token, await page.EvaluateAsync<string>("localStorage.getItem('orleansportal.deviceToken')"));
        await page.ReloadAsync(); // kept on the phone
        await Assertions.Expect(page.GetByText("No jobs on your route today.")).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Offline_PositionsAreBuffered_AndSentInOrderWhenBackOnline()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var (context, page) = await OpenAsync(address, device.Token, 41.1500, -8.6100);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Start tracking" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sent")).Not.ToHaveTextAsync("—");

        // Walk north 22 m a second: the server's jump filter would flag faster moves as GPS noise.
        await context.SetOfflineAsync(true);
        await Task.Delay(1000);
        await context.SetGeolocationAsync(new() { Latitude = 41.1502f, Longitude = -8.6100f, Accuracy = 10 });
        await Assertions.Expect(page.Locator("#queued")).ToHaveTextAsync("1");
        await Task.Delay(1000);
        await context.SetGeolocationAsync(new() { Latitude = 41.1504f, Longitude = -8.6100f, Accuracy = 10 });
        await Assertions.Expect(page.Locator("#queued")).ToHaveTextAsync("2");
        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");

        await Assertions.Expect(page.Locator("#queued")).ToHaveTextAsync("0");
        using var track = JsonDocument.Parse(await company.Dispatcher.GetStringAsync($"/api/v1/technicians/{tech.Id}/track"));
        var latitudes = track.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")
            .EnumerateArray().Select(c => Math.Round(c[1].GetDouble(), 4)).ToArray();
        Assert.Equal([41.15, 41.1502, 41.1504], latitudes);
    }
}
