using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Support.Widget;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The website widget's settings under the support queue, in Chromium at both sizes: the dispatcher lists the company's
/// websites (a typo is refused, naming it), copies the script tag, and makes a new identity secret.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetSettingsPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheTeam_AllowsItsWebsites_CopiesTheTag_AndRenewsTheSecret(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, company, "/office/support/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page, "/api/v1/support/widget/origins"); // the typo's 400 is expected

        await page.GetByText("Website widget: help and contact form on your own site").ClickAsync();
        var panel = page.Locator("details.widget-settings");
        var tag = panel.GetByLabel("Script tag to copy");
        await Assertions.Expect(tag).ToHaveValueAsync($"<script src=\"{address.GetLeftPart(UriPartial.Authority)}/widget/v1.js\" data-company=\"{company.TenantId}\" async></script>");
        var websites = panel.GetByLabel("Websites that may embed it", new() { Exact = false });

        await websites.FillAsync("https://www.acme.example\nwww.acme.example/contact");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save websites" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("\"www.acme.example/contact\" is not an origin");

        await websites.FillAsync("https://WWW.Acme.example/\nhttp://localhost:5173");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save websites" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(websites).ToHaveValueAsync("https://www.acme.example\nhttp://localhost:5173");
        await WhatAPersonSees.AssertInsideAsync(tag, panel, "the script tag");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"office-support-widget-{width}");

        var secret = panel.GetByLabel("Identity secret");
        var before = await secret.InputValueAsync();
        Assert.Matches("^[0-9a-f]{64}$", before);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Make a new secret" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync("A new secret is in force.");
        await Assertions.Expect(secret).Not.ToHaveValueAsync(before);

        var stored = (await company.Dispatcher.GetFromJsonAsync<WidgetSettingsDto>("/api/v1/support/widget", ApiJson.Options))!;
        Assert.Equal(["https://www.acme.example", "http://localhost:5173"], stored.AllowedOrigins);
        Assert.Equal(await secret.InputValueAsync(), stored.IdentitySecret);
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
