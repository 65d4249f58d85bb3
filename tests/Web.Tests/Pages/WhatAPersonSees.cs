using System.Text.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Checks of what a person sees on a page rather than what its DOM holds: the page does not scroll sideways, an element
/// lies inside its container's box and the viewport, axe-core finds no serious or critical accessibility violation,
/// and screenshots at the two sizes every page is looked at (390x844, a phone; 1440x900, an office screen).
/// </summary>
public static class WhatAPersonSees
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desk = new() { Width = 1440, Height = 900 };
    public static IEnumerable<ViewportSize> BothSizes => [Phone, Desk];

    /// <summary>The two sizes as theory data: [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))].</summary>
    public static TheoryData<int, int> Sizes => new() { { Phone.Width, Phone.Height }, { Desk.Width, Desk.Height } };

    /// <summary>The page does not scroll sideways at its current size.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1]) return;
        // Name the deepest elements that stick out, so the failure says what to fix.
        var culprits = await page.EvaluateAsync<string[]>("""
            () => {
              const out = r => r.width > 0 && (r.right + scrollX > innerWidth + 1 || r.left + scrollX < -1);
              const name = e => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : ""}`;
              const found = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node && found.length < 5; node = walker.nextNode()) {
                if (node.nodeType === Node.TEXT_NODE) {
                  if (!node.textContent.trim()) continue;
                  const range = document.createRange();
                  range.selectNodeContents(node);
                  const r = range.getBoundingClientRect();
                  if (out(r)) found.push(`text "${node.textContent.trim().slice(0, 40)}" in ${name(node.parentElement)} (${Math.round(r.left + scrollX)} to ${Math.round(r.right + scrollX)} px)`);
                } else if (out(node.getBoundingClientRect()) && ![...node.children].some(c => out(c.getBoundingClientRect()))) {
                  const r = node.getBoundingClientRect();
                  found.push(`${name(node)} (${Math.round(r.left + scrollX)} to ${Math.round(r.right + scrollX)} px)`);
                }
              }
              return found;
            }
            """);
        Assert.Fail($"{page.Url} scrolls sideways at {widths[1]} px: it is {widths[0]} px wide; sticking out: {string.Join(", ", culprits)}");
    }

    /// <summary>Every element <paramref name="element"/> matches is visible, inside <paramref name="container"/>'s box and inside the viewport.</summary>
    /// <remarks>
    /// The boxes are read in one script, so they describe one layout: read one call apart, a panel above that grows in
    /// between (a list filling in) moves the element but not the box read before it, and a fitting element looks out of place.
    /// </remarks>
    public static async Task AssertInsideAsync(ILocator element, ILocator container, string what)
    {
        var viewport = element.Page.ViewportSize!;
        // A person looks once the page shows it: a list still loading has nothing in it yet to be in or out of place.
        await Assertions.Expect(element.First).ToBeVisibleAsync();
        var count = await element.CountAsync();
        Assert.True(count > 0, $"{what}: nothing is shown");
        await using var holder = await container.ElementHandleAsync();
        var boxes = await element.EvaluateAllAsync<Box[]>(
            "(items, holder) => [holder, ...items].map(e => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })",
            holder);
        var box = boxes[0];
        Assert.True(box.Width > 0 && box.Height > 0, $"the container of {what} is not shown");
        for (var i = 1; i < boxes.Length; i++)
        {
            var item = boxes[i];
            Assert.True(item.Width > 0 && item.Height > 0, $"{what} #{i - 1} is not shown");
            var centreX = item.X + item.Width / 2;
            var centreY = item.Y + item.Height / 2;
            Assert.True(centreX >= box.X && centreX <= box.X + box.Width && centreY >= box.Y && centreY <= box.Y + box.Height,
                $"{what} #{i - 1} at ({item.X:0},{item.Y:0}) lies outside its container ({box.X:0},{box.Y:0} {box.Width:0}x{box.Height:0})");
            Assert.True(item.X >= 0 && item.X + item.Width <= viewport.Width + 0.5,
                $"{what} #{i - 1} ({item.X:0}..{item.X + item.Width:0}) is cut off by the {viewport.Width} px viewport");
        }
    }

    /// <summary>A box as getBoundingClientRect gives it, in CSS pixels from the viewport's top left.</summary>
    private sealed class Box
    {
        public double X { get; set; }
        public double Y { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
    }

    /// <summary>axe-core (npm, as the client build restored it) finds nothing serious or critical on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: a <script> tag would be refused by the page's Content-Security-Policy.
        if (!await page.EvaluateAsync<bool>("typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(AxeSource.Value + "\n;undefined");
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))");
        using var violations = JsonDocument.Parse(json);
        Assert.True(violations.RootElement.GetArrayLength() == 0, $"axe-core on {page.Url}: {json}");
    }

    /// <summary>Screenshots of the page at its current size, named {name}-{width}x{height}.png (see BrowserFixture).</summary>
    public static Task<string> ScreenshotAsync(IPage page, string name) =>
        BrowserFixture.SaveScreenshotAsync(page, $"{name}-{page.ViewportSize!.Width}x{page.ViewportSize.Height}");

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxeScript()));

    private static string AxeScript()
    {
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Web", "client", "node_modules", "axe-core", "axe.min.js");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("axe-core was not found under src/Web/client/node_modules: build src/Web first (it restores the client's npm packages).");
        }
    }
}
