using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Support.HelpCenter;
using OrleansPortal.Web.Tests.Support.Widget;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The website widget in Chromium, on a page of another website (another loopback origin) that embeds its script tag:
/// a visitor opens it, searches the help center, and writes through the contact form, which opens a case. The same tag
/// on a website the company did not allow shows that the widget is not available there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task AVisitorOnTheCompanysSite_SearchesHelp_AndWritesToTheCompany(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app, "Acme Irrigation and Heating Services of Greater Porto");
        var help = new HelpCenterScenario(company);
        var category = await help.AddCategoryAsync("Irrigation");
        await help.PublishAsync(category.CategoryId, ("Controller shows E2", "**E2** means a zone valve did not answer. Check the valve box is dry."));
        await using var site = await ThirdPartySite.StartAsync(HostPage(address, company.TenantId));
        await WidgetScenario.CreateAsync(company, site.Origin);
        await using var context = await PortalPages.ContextAsync(browser, site.Address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Help and contact" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Acme Irrigation and Heating Services of Greater Porto" });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var search = panel.GetByRole(AriaRole.Searchbox, new() { Name = "Search the help center" });
        await search.FillAsync("controler E2");
        await search.PressAsync("Enter");
        var article = panel.GetByRole(AriaRole.Link, new() { Name = "Controller shows E2" });
        await Assertions.Expect(article).ToBeVisibleAsync();
        Assert.Equal("_blank", await article.GetAttributeAsync("target"));
        Assert.StartsWith($"{address.GetLeftPart(UriPartial.Authority)}/help/{company.TenantId}/en/articles/", await article.GetAttributeAsync("href"));
        await AssertFitsAsync(page, panel);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "widget-help");

        await panel.GetByRole(AriaRole.Tab, new() { Name = "Contact us" }).ClickAsync();
        await panel.GetByLabel("Your name").FillAsync("João Pereira");
        await panel.GetByLabel("Your email").FillAsync($"joao-{Guid.NewGuid():N}@example.com");
        await panel.GetByLabel("Your message").FillAsync("Do you service Rain Bird controllers in Matosinhos?");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(panel.GetByText("Thank you: we received your message and will answer by email.")).ToBeVisibleAsync();
        await AssertFitsAsync(page, panel);
        await WhatAPersonSees.ScreenshotAsync(page, "widget-contact");

        var cases = (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!;
        Assert.Equal([("Do you service Rain Bird controllers in Matosinhos?", "Widget")], cases.Select(c => (c.Subject, c.Channel)));
        Assert.Empty(await context.CookiesAsync()); // no cookie, first- or third-party
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Fact]
    public async Task OnAWebsiteTheCompanyDidNotAllow_TheWidgetSaysItIsNotAvailable()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app, "Acme Irrigation");
        await using var allowed = await ThirdPartySite.StartAsync(HostPage(address, company.TenantId));
        await using var other = await ThirdPartySite.StartAsync(HostPage(address, company.TenantId));
        await WidgetScenario.CreateAsync(company, allowed.Origin);
        await using var context = await PortalPages.ContextAsync(browser, other.Address, 390, 844);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Help and contact" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(panel.GetByText("The help desk is not available on this website.")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Searchbox)).ToHaveCountAsync(0);
        await AssertFitsAsync(page, panel);
        await WhatAPersonSees.ScreenshotAsync(page, "widget-unavailable");
        Assert.Empty((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
    }

    [Fact]
    public async Task ACustomerSignedInOnTheCompanysSite_ChatsWithTheTeam()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app, "Acme Irrigation");
        var customer = await CustomerScenario.CreateAsync(company, "Silva household");
        var email = $"maria-{Guid.NewGuid():N}@example.com";
        await customer.AddContactAsync(email);
        // The page is made after the settings, as the company's server would: it signs the email with the secret.
        var secret = (await company.Dispatcher.GetFromJsonAsync<OrleansPortal.Web.Support.Widget.WidgetSettingsDto>("/api/v1/support/widget", ApiJson.Options))!.IdentitySecret;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(email)));
        await using var site = await ThirdPartySite.StartAsync(HostPage(address, company.TenantId, $"data-user-email=\"{email}\" data-user-hash=\"{hash}\""));
        await WidgetScenario.CreateAsync(company, site.Origin);
        await using var context = await PortalPages.ContextAsync(browser, site.Address, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Help and contact" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Acme Irrigation" });
        await panel.GetByRole(AriaRole.Tab, new() { Name = "Chat" }).ClickAsync();
        await Assertions.Expect(panel.GetByText("No messages yet. Write to the team: they answer here.")).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Textbox, new() { Name = "Message to the team" }).FillAsync("Can the technician come on Tuesday?");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        var log = panel.GetByRole(AriaRole.List, new() { Name = "Conversation with the team" });
        await Assertions.Expect(log.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["YouCan the technician come on Tuesday?"]);

        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/conversations/customer:{customer.Id}/messages", new { text = "Yes, Tuesday at 10:00." })).EnsureSuccessStatusCode();
        await Assertions.Expect(log.GetByRole(AriaRole.Listitem).Last).ToContainTextAsync("Yes, Tuesday at 10:00.");
        await AssertFitsAsync(page, panel);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "widget-chat");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    /// <summary>A plain page of the company's site with the tag the office's settings panel gives, and some styles of its own.</summary>
    private static string HostPage(Uri app, string tenantId, string identity = "") => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Acme Irrigation: garden watering in Porto</title>
          <style>body { font-family: Georgia, serif; margin: 0; padding: 1rem; } button { background: red; font-size: 40px; }</style>
        </head>
        <body>
          <main><h1>Garden watering in Porto</h1><p>We install and repair irrigation systems.</p></main>
          <script src="{{app.GetLeftPart(UriPartial.Authority)}}/widget/v1.js" data-company="{{tenantId}}" {{identity}} async></script>
        </body>
        </html>
        """;

    /// <summary>The panel is on screen whole, and the page does not scroll sideways because of it.</summary>
    private static async Task AssertFitsAsync(IPage page, ILocator panel)
    {
        var box = (await panel.BoundingBoxAsync())!;
        var viewport = page.ViewportSize!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width + 0.5 && box.Y + box.Height <= viewport.Height + 0.5,
            $"the panel ({box.X:0},{box.Y:0} {box.Width:0}x{box.Height:0}) is not inside the {viewport.Width}x{viewport.Height} viewport");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
    }
}
