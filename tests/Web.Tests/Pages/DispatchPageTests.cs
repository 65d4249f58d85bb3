using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class DispatchPageTests(BrowserFixture browser)
{
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
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        return page;
    }

    private static Task<HttpResponseMessage> OsmAndAsync(PortalFactory app, string token, DateTimeOffset time, double lat, double lon) =>
        app.CreateClient().GetAsync($"/gps/osmand?id={token}&timestamp={time.ToUnixTimeSeconds()}&lat={lat}&lon={lon}&speed=30&bearing=90");

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

        var entry = page.Locator($"li[data-id='{tech.Id}']");
        await Assertions.Expect(entry).ToContainTextAsync("Rui Rocha");
        await Assertions.Expect(entry.Locator(".nosignal")).ToBeVisibleAsync(); // never pinged yet

        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        await OsmAndAsync(app, device.Token, t0, 41.1579, -8.6291);
        var marker = page.Locator($"[data-technician='{tech.Id}']");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        await Assertions.Expect(entry.Locator(".nosignal")).ToHaveCountAsync(0);
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
        await Assertions.Expect(page.Locator(".technicians li")).ToHaveCountAsync(1);
        await page.Locator(".technicians li", new() { HasText = "Sara Silva" }).ClickAsync();

        await Assertions.Expect(page.Locator("#details-name")).ToHaveTextAsync("Sara Silva");
        await Assertions.Expect(page.Locator("#details-speed")).ToHaveTextAsync("56 km/h"); // 30 knots
        await Assertions.Expect(page.Locator("#details-track")).ToHaveTextAsync("3 fixes in the last hour");
        await Assertions.Expect(page.Locator("path.track")).ToHaveCountAsync(1);
        await BrowserFixture.SaveScreenshotAsync(page, "dispatch-track");
        Assert.Empty(problems.All);
    }
}
