using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The customer portal in Chromium at a phone's size: sign-in by email link, the properties, the preferences form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalPageTests(BrowserFixture browser, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task ContactAsksForALink_OpensItFromTheMail_AndSeesTheirProperty()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var property = await customer.AddPropertyAsync("Beach house", "Avenida do Brasil 100, Porto");
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/properties/{property.Id}/timeline", new { kind = "visit", text = "Spring start-up done." })).EnsureSuccessStatusCode();
        // A job with a long description and a conversation about it: thread titles and descriptions are what once made
        // the home wider than a phone (558 px, and 889 px after one long request, at 390 px).
        var job = await customer.AddJobAsync(property.Id, "The drip line along the whole east side of the garden has been leaking since the storm, near the lemon trees and the pergola: https://photos.example.com/albums/garden-east-side-leak-2026-12-06");
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/conversations/{ChatScenario.Job(job)}/messages", new { text = "We will look at the whole east side." })).EnsureSuccessStatusCode();
        var email = $"maria-{Guid.NewGuid():N}@example.com";
        await customer.AddContactAsync(email);
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me"); // asked first, answered 401 until signed in

        await page.GotoAsync("/portal/");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Check your email.")).ToBeVisibleAsync();

        var mail = await smtp.WaitForMailAsync(email);
        await page.GotoAsync(mail.Links[0].PathAndQuery); // the mail's host is the configured public address
        Assert.DoesNotContain("token", page.Url); // out of the address bar and history once read
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your properties" })).ToBeVisibleAsync();
        var card = page.Locator("article.property");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Beach house" })).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Avenida do Brasil 100, Porto");
        await Assertions.Expect(card).ToContainTextAsync("Rain Bird ESP-TM2");
        await Assertions.Expect(card).ToContainTextAsync("Spring start-up done.");
        await Assertions.Expect(page.Locator("#chat-threads .title")).Not.ToHaveCountAsync(0); // the job's thread is listed
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await BrowserFixture.SaveScreenshotAsync(page, "portal-home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task UsedLink_SaysSo_AndOffersANewOne()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");
        var token = await customer.IssueTokenAsync(contact.Id);
        await PortalSession.SignInAsync(app, token); // used elsewhere first
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/portal/login?token={token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used or has expired");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PreferencesForm_SavesWhatTheContactChose_AndExplainsWhatItRefuses()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/preferences"); // the refused save below
        await page.GotoAsync($"/portal/login?token={await customer.IssueTokenAsync(contact.Id)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications" })).ToBeVisibleAsync();

        await page.GetByLabel("Offers and news by email").CheckAsync();
        await page.GetByLabel("Appointments by SMS").UncheckAsync();
        await page.GetByLabel("Do not disturb me at night").CheckAsync();
        await page.GetByLabel("From").FillAsync("21:00");
        await page.GetByLabel("Until").FillAsync("06:30");
        await page.GetByLabel("Time zone").FillAsync("Europe/Lisbon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prefs").GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Offers and news by email")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Appointments by SMS")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Appointments by email")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("From")).ToHaveValueAsync("21:00");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Lisbon");

        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prefs").GetByRole(AriaRole.Alert)).ToContainTextAsync("IANA name");
        await BrowserFixture.SaveScreenshotAsync(page, "portal-preferences");

        var saved = await (await customer.SignInAsync(contact.Id)).GetFromJsonAsync<PreferencesDto>("/api/v1/portal/preferences", ApiJson.Options);
        Assert.Equal(new QuietHoursDto("21:00", "06:30", "Europe/Lisbon"), saved!.QuietHours);
        Assert.Empty(problems.All);
    }

    // A phone-sized window: the portal is used from the link in an email, mostly on phones.
    private Task<IBrowserContext> PhoneAsync(Uri app) =>
        browser.Browser.NewContextAsync(new() { BaseURL = app.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
}
