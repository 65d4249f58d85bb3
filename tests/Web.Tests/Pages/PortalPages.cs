using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// How a person gets around the customer portal: in from a sign-in link, and from section to section through the
/// section bar (on a phone, its Menu button first).
/// </summary>
public static class PortalPages
{
    /// <summary>A context of the given size; below 720 px wide, a phone (touch, mobile viewport), as most customers open their emailed links.</summary>
    public static Task<IBrowserContext> ContextAsync(BrowserFixture browser, Uri app, int width, int height, string? locale = null) =>
        browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.ToString(), ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 720, HasTouch = width < 720, Locale = locale,
        });

    /// <summary>Opens the link's landing page, presses its button, and waits for the portal's home (the appointments).</summary>
    public static async Task SignInWithLinkAsync(IPage page, string token, string button = "Sign in", string home = "Your appointments")
    {
        await page.GotoAsync($"/portal/login?token={token}");
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = home })).ToBeVisibleAsync();
    }

    public static ILocator Navigation(IPage page, string name = "Portal") => page.GetByRole(AriaRole.Navigation, new() { Name = name });

    /// <summary>Opens a section from the section bar (its Menu button first where the bar is folded) and waits for its heading.</summary>
    public static async Task OpenSectionAsync(IPage page, string link, string? heading = null, string menu = "Menu")
    {
        await UnfoldAsync(page, menu);
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading ?? link, Level = 2 })).ToBeVisibleAsync();
    }

    /// <summary>Presses Sign out: in the company's bar on a wide screen, at the end of the unfolded menu on a phone.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await UnfoldAsync(page, "Menu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
    }

    private static async Task UnfoldAsync(IPage page, string menu)
    {
        var nav = Navigation(page);
        await Assertions.Expect(nav).ToBeVisibleAsync();
        var toggle = nav.GetByRole(AriaRole.Button, new() { Name = menu });
        if (await toggle.IsVisibleAsync()) await toggle.ClickAsync();
    }
}
