using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Routing;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// On /dispatch: the learned-speeds layer of the map (streets coloured by how much slower than free flow they are
/// driven) and the open technician's drives of the day, planned against actual.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DispatchSpeedsPageTests(BrowserFixture browser)
{
    public static TheoryData<int, int> Sizes => WhatAPersonSees.Sizes;

    private static ILocator Map(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Live map" });

    private static ILocator Toggle(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Learned speeds" });

    private static ILocator Legend(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Learned speeds: times slower than free flow" });

    /// <summary>
    /// How many pixels of each band's colour (fastest first) the speeds layer's canvas has inside the map's box, sampled
    /// every other pixel: what a person sees drawn, not what the page holds.
    /// </summary>
    private static Task<int[]> ColouredPixelsAsync(IPage page) => Map(page).EvaluateAsync<int[]>("""
        box => {
          const counts = [0, 0, 0, 0];
          const canvas = box.querySelector(".leaflet-speeds-pane canvas");
          if (!canvas || canvas.width === 0) return counts;
          const inside = box.getBoundingClientRect(), drawn = canvas.getBoundingClientRect();
          const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          const bands = [[0x1a, 0x7f, 0x37], [0xd4, 0xa7, 0x2c], [0xe1, 0x6f, 0x24], [0xcf, 0x22, 0x2e]];
          for (let y = 0; y < canvas.height; y += 2) {
            for (let x = 0; x < canvas.width; x += 2) {
              const i = (y * canvas.width + x) * 4;
              if (pixels[i + 3] < 128) continue;
              const px = drawn.left + x * drawn.width / canvas.width, py = drawn.top + y * drawn.height / canvas.height;
              if (px < inside.left || px > inside.right || py < inside.top || py > inside.bottom) continue;
              const band = bands.findIndex(c => Math.abs(pixels[i] - c[0]) + Math.abs(pixels[i + 1] - c[1]) + Math.abs(pixels[i + 2] - c[2]) < 60);
              if (band >= 0) counts[band]++;
            }
          }
          return counts;
        }
        """);

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task LearnedSpeeds_ColourTheStreetsInTheMap_AndATechniciansDrivesShowPlannedAgainstActual(int width, int height)
    {
        var clock = new AdjustableClock();
        using var app = new PortalFactory { Clock = clock };
        LearnedModels.UseSharedModel(app);
        var address = app.StartOnLoopback();
        Assert.Equal("ready", (await LearnedModels.WaitUntilReadyAsync(app)).Stage);
        var driven = await DrivenDay.DriveAsync(app, clock);
        await using var context = await browser.NewContextAsync(address);
        var page = await DispatchPageTests.SignInAsync(context, driven.Day.Company);
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);

        // Off until asked for, and switched on from the keyboard.
        var toggle = Toggle(page);
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(Legend(page)).ToHaveCountAsync(0);
        Assert.Equal(0, (await ColouredPixelsAsync(page)).Sum());
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        var legend = Legend(page);
        await Assertions.Expect(legend.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["up to 1.25×", "1.25–1.6×", "1.6–2.2×", "over 2.2×"]);
        await Assertions.Expect(page.GetByText("Times slower than free flow")).ToBeVisibleAsync();
        var drawnText = page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("streets", RegexOptions.IgnoreCase) });
        await Assertions.Expect(drawnText).ToHaveTextAsync(new Regex("Streets drawn: [0-9,]+|longest streets"));
        // Read again for the new view when the map stops moving: a zoom in draws the fewer streets now in view.
        var before = await drawnText.TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await Assertions.Expect(drawnText).Not.ToHaveTextAsync(before!);
        await Assertions.Expect(drawnText).ToHaveTextAsync(new Regex("^Streets drawn: [0-9,]+$"));
        await WhatAPersonSees.AssertInsideAsync(legend.GetByRole(AriaRole.Listitem), Map(page), "the learned speeds' legend");
        await WhatAPersonSees.AssertInsideAsync(toggle, Map(page), "the learned speeds switch");
        int[] drawn = [];
        await Eventually.TrueAsync(async () => (drawn = await ColouredPixelsAsync(page)).Sum() > 2000, "streets are coloured inside the map");
        Assert.True(drawn.Count(c => c > 0) >= 2, $"one colour only: {string.Join(", ", drawn)}"); // learned speeds differ street to street
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"dispatch-speeds-{width}");

        // The technician's drives: two, each a planned and an actual bar.
        await DispatchPageTests.TechnicianList(page).GetByRole(AriaRole.Button, new() { Name = "Gil Gardener" }).ClickAsync();
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Gil Gardener", Exact = true });
        var drives = details.GetByRole(AriaRole.Region, new() { Name = "Drive times" });
        await Assertions.Expect(drives.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Assertions.Expect(drives.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("1. Fix the pump");
        await Assertions.Expect(drives.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("2. Check valves");
        var bars = drives.GetByRole(AriaRole.Img);
        await Assertions.Expect(bars).ToHaveCountAsync(4);
        await Assertions.Expect(drives.GetByRole(AriaRole.Img, new() { Name = "1. Fix the pump: actual 18 min" })).ToBeVisibleAsync();
        await Assertions.Expect(drives.GetByRole(AriaRole.Img, new() { Name = "2. Check valves: actual 31 min" })).ToBeVisibleAsync();
        await Assertions.Expect(drives.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^1\\. Fix the pump: planned [0-9]+ min$") })).ToBeVisibleAsync();
        await Assertions.Expect(drives).ToContainTextAsync("Planned with learned travel times.");
        await Assertions.Expect(drives).ToContainTextAsync(new Regex("Total\\s*Planned [0-9]+ min · Actual 49 min"));
        await WhatAPersonSees.AssertInsideAsync(bars, drives, "the drive time bars");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"dispatch-drives-{width}");

        // Off again: the streets go, the map is the fleet's again.
        await toggle.ClickAsync();
        await Assertions.Expect(Legend(page)).ToHaveCountAsync(0);
        await Eventually.TrueAsync(async () => (await ColouredPixelsAsync(page)).Sum() == 0, "the coloured streets are gone");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task WithoutLearnedSpeeds_TheLayerSaysSo_InsteadOfDrawingNothing()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await DispatchPageTests.SignInAsync(context, company);
        var problems = new PageProblems(page);

        await Toggle(page).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No learned speeds yet" })).ToBeVisibleAsync();
        await Assertions.Expect(Legend(page)).ToHaveCountAsync(0); // no colours to explain
        Assert.Equal(0, (await ColouredPixelsAsync(page)).Sum());
        await WhatAPersonSees.ScreenshotAsync(page, "dispatch-speeds-none");
        Assert.Empty(problems.All);
    }
}
