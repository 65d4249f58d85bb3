using System.Collections.Concurrent;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Smoke;

/// <summary>Proves the front-end pipeline end to end: npm packages copied to /lib at build time, served by the app, run by Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmokePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task SmokePage_LoadsLeafletAndSignalR_AndItsButtonMovesTheMarkerEast()
    {
        using var app = new PortalFactory();
        await using var context = await browser.NewContextAsync(app.StartOnLoopback());
        var page = await context.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.RequestFailed += (_, request) => problems.Enqueue($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (!response.Ok) problems.Enqueue($"HTTP {response.Status}: {response.Url}");
        };

        await page.GotoAsync("/smoke/");
        var marker = page.Locator(".smoke-marker");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        var before = await marker.BoundingBoxAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the marker east" }).ClickAsync();
        var after = await marker.BoundingBoxAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "smoke");

        Assert.True(after!.X > before!.X + 50, $"the marker should move east by about 115 px, but went from x={before.X} to x={after.X}");
        Assert.Equal(before.Y, after.Y, tolerance: 1);
        Assert.Equal("function", await page.EvaluateAsync<string>("() => typeof window.L?.map"));
        Assert.Equal("function", await page.EvaluateAsync<string>("() => typeof window.signalR?.HubConnectionBuilder"));
        Assert.Empty(problems);
    }
}
