using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Support.HelpCenter;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Support.HelpCenter;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Self-service first, in Chromium at both sizes: while a customer writes a new case's subject (misspelt), the help
/// center's article that answers it appears under it; "This answered my question" ends the form with no case opened,
/// and the team sees it counted against the cases customers did open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseSuggestionsPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ASuggestedArticle_AnswersTheCustomer_AndNoCaseIsOpened(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var help = new HelpCenterScenario(await TenantScenario.CreateAsync(app));
        var heating = await help.AddCategoryAsync("Heating and hot water");
        await help.PublishAsync(heating.CategoryId, ("What to do when your boiler pressure drops", "Top it up with the filling loop until it reads 1.2 bar."));
        await help.PublishAsync(heating.CategoryId, ("How to bleed a radiator", "Open the bleed valve with a radiator key."));
        var customer = await CustomerScenario.CreateAsync(help.Company);
        var maria = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height, locale: "en-IE");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");
        await PortalPages.SignInWithLinkAsync(page, await customer.IssueTokenAsync(maria.Id));
        await PortalPages.OpenSectionAsync(page, "Support");
        var section = page.Locator("section.support");

        Assert.Equal($"/help/{help.Company.TenantId}", await section.GetByRole(AriaRole.Link, new() { Name = "Help center" }).GetAttributeAsync("href"));
        await section.GetByRole(AriaRole.Link, new() { Name = "Open a case" }).ClickAsync();
        await section.GetByLabel("Subject").FillAsync("boiler presure keeps dropping");
        var suggestions = section.GetByRole(AriaRole.Complementary, new() { Name = "These articles may answer it" });
        var article = suggestions.GetByRole(AriaRole.Link, new() { Name = "What to do when your boiler pressure drops" });
        await Assertions.Expect(article).ToBeVisibleAsync();
        Assert.StartsWith($"/help/{help.Company.TenantId}/en/articles/", await article.GetAttributeAsync("href"));
        await WhatAPersonSees.AssertInsideAsync(suggestions, section, "the suggestions");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-case-suggestions");

        await suggestions.GetByRole(AriaRole.Button, new() { Name = "This answered my question: What to do when your boiler pressure drops" }).ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToContainTextAsync("No case was opened");

        Assert.Empty((await help.Company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
        var counted = (await help.Company.Dispatcher.GetFromJsonAsync<HelpDeflectionsDto>("/api/v1/support/help/deflections", ApiJson.Options))!;
        Assert.Equal((1L, 0L, 1.0, "What to do when your boiler pressure drops"), (counted.Deflected, counted.PortalCases, counted.Rate, counted.Articles.Single().Title));
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
