using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Routing;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's travel-times screen, with real learning behind it: the city's model trained at start-up from 400 Porto
/// taxi trips, the company's from the same trips as its technicians' pings when the dispatcher asks for it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TravelTimesPageTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 180_000 };

    [Fact]
    public async Task ADispatcher_SeesTheCitysModel_RetrainsTheirOwnWithProgress_AndReadsItsWeek_AtADeskAndOnAPhone()
    {
        var directory = Directory.CreateTempSubdirectory("orleansportal-travel-page-").FullName;
        try
        {
            // Business time at a fixed instant: the trips' hours of the week follow it, and the company's model must beat
            // the city's (trained on the same trips at their own hours) by a margin that depends on them. At the wall
            // clock's time the outcome changed with the hour the test ran ("kept out: not better" at 07:43 UTC).
            var clock = new AdjustableClock();
            clock.Advance(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow);
            using var app = new PortalFactory { Clock = clock };
            app.Settings["Routing:Extract"] = RouteGeometryApiTests.PortoExtract();
            app.Settings["Routing:TravelModels:Directory"] = Path.Combine(directory, "models");
            app.Settings["Routing:TravelModels:TrainFrom"] = LearnedModels.TraceFile(directory, trips: 400);
            var address = app.StartOnLoopback();
            var company = await TenantScenario.CreateAsync(app);
            // The company's vans take half as long again as the city's taxis on the same streets, so its own model predicts
            // its drives clearly better than the city's does and is put in use. With the taxis' own times the two models
            // were within a point of each other, and which won changed from run to run ("kept out: not better: MAPE
            // 18.8 % -> 19.5 %" once in a full run).
            await CompanyRetrainingTests.StoreTaxiTripsAsPingsAsync(app, company, trips: 400, technicians: 5, slower: 1.5);
            await using var context = await browser.NewContextAsync(address);
            var page = await OfficePages.SignInAsync(context, company, "/office/travel-times/");
            await page.SetViewportSizeAsync(1440, 900);
            var problems = new PageProblems(page);

            var city = page.GetByRole(AriaRole.Region, new() { Name = "The city's model" });
            var own = page.GetByRole(AriaRole.Region, new() { Name = "Your company's model" });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Travel times" })).ToBeVisibleAsync();
            await Assertions.Expect(own.GetByText("No model of your own yet")).ToBeVisibleAsync();
            await Assertions.Expect(own.GetByText(new Regex(@"Next retraining: .+"))).ToBeVisibleAsync();
            // The city's model is trained while the page is open: its card fills in as it is promoted.
            await Assertions.Expect(city.GetByText(new Regex(@"^Version \d{8}T"))).ToBeVisibleAsync(Long);
            await Assertions.Expect(city.GetByText(new Regex(@"Last training: MAPE \d"))).ToBeVisibleAsync();

            await own.GetByRole(AriaRole.Button, new() { Name = "Retrain now" }).ClickAsync();
            await Assertions.Expect(own.GetByRole(AriaRole.Progressbar, new() { Name = "Training progress" })).ToBeVisibleAsync();
            await Assertions.Expect(own.GetByRole(AriaRole.Button, new() { Name = "Retrain now" })).ToBeDisabledAsync();
            await Assertions.Expect(own.GetByText(new Regex(@"^Version \d{8}T"))).ToBeVisibleAsync(Long);
            await Assertions.Expect(own.GetByText(new Regex(@"Last training: MAPE [\d.]+ % -> [\d.]+ %"))).ToBeVisibleAsync();
            var week = own.GetByRole(AriaRole.Img, new() { Name = "How much longer a drive takes at each hour of the week than at a typical hour" });
            await Assertions.Expect(week).ToBeVisibleAsync();
            Assert.Equal(48, await week.Locator("rect").CountAsync());

            foreach (var (width, height, name) in new[] { (1440, 900, "office-travel-times"), (390, 844, "office-travel-times-phone") })
            {
                await page.SetViewportSizeAsync(width, height);
                await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
                await WhatAPersonSees.AssertInsideAsync(week, own, "the company model's week");
                await WhatAPersonSees.AssertInsideAsync(own.GetByRole(AriaRole.Button, new() { Name = "Retrain now" }), own, "Retrain now");
                await WhatAPersonSees.AssertAccessibleAsync(page);
                await WhatAPersonSees.ScreenshotAsync(page, name);
            }
            Assert.Empty(problems.All);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
