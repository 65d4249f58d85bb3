using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Support.HelpCenter;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The public help center in Chromium, as a visitor with no account: the company's address opens it in the browser's
/// language; they switch to English, search with a misspelt word, open the article, and answer "Was this helpful?". An
/// Arabic article lays the page out right to left.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpCenterPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task AVisitor_SearchesWithATypo_ReadsTheArticle_AndSaysItHelped(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var help = new HelpCenterScenario(await TenantScenario.CreateAsync(app, "Acme Irrigation and Heating Services of Greater Porto"));
        var irrigation = await help.AddCategoryAsync("Irrigation", "Rega");
        var heating = await help.AddCategoryAsync("Heating and hot water", "Aquecimento e águas quentes");
        await help.PublishAsync(irrigation.CategoryId, ("Controller shows E2", "**E2** means a zone valve did not answer. Check the valve box is dry."),
            ("O programador mostra E2", "**E2** significa que uma válvula de zona não respondeu."));
        await help.PublishAsync(heating.CategoryId,
            ("What to do when your boiler pressure drops", "The gauge should read between **1 and 1.5 bar**.\n\n| Reading | What to do |\n|---|---|\n| below 1 bar | top it up with the filling loop |\n| above 2.5 bar | call us |"),
            ("A pressão da caldeira desceu", "O manómetro deve marcar entre **1 e 1,5 bar**."));
        await using var context = await PortalPages.ContextAsync(browser, address, width, height, locale: "pt-PT");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/help/{help.Company.TenantId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Centro de ajuda", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aquecimento e águas quentes" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "help-home-pt");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Idioma" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Help center", Level = 1 })).ToBeVisibleAsync();
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the help center" });
        await WhatAPersonSees.AssertInsideAsync(search, page.Locator("form.help-search"), "the search box");
        await search.FillAsync("boiler presure");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Searched as: presure → pressure")).ToBeVisibleAsync();
        await WhatAPersonSees.ScreenshotAsync(page, "help-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "What to do when your boiler pressure drops" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What to do when your boiler pressure drops", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "top it up with the filling loop" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Heating and hot water" })).ToBeVisibleAsync(); // the breadcrumb
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "help-article");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you for your answer.");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Fact]
    public async Task AnArabicArticle_IsLaidOutRightToLeft_AndItsSearchBoxStaysOnScreen()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var help = new HelpCenterScenario(await TenantScenario.CreateAsync(app, "Acme Irrigation"));
        var category = await help.AddCategoryAsync("Heating");
        var article = await help.PublishAsync(category.CategoryId, ("Bleed a radiator", "Open the valve."));
        (await help.Company.Dispatcher.PutAsync($"/api/v1/support/help/articles/{article.ArticleId}/ar/draft",
            System.Net.Http.Json.JsonContent.Create(new { title = "كيفية تنفيس المبرد", body = "افتح الصمام بمفتاح المبرد حتى يخرج الماء، ثم أغلقه." }))).EnsureSuccessStatusCode();
        (await help.Company.Dispatcher.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/ar/publish", null)).EnsureSuccessStatusCode();
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/help/{help.Company.TenantId}/en/articles/{article.ArticleId}/bleed-a-radiator");
        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "كيفية تنفيس المبرد", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        // Right to left: the heading starts at the right edge of the page.
        var heading = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync())!;
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.True(main.X + main.Width - (heading.X + heading.Width) < 24, $"the heading ends {main.X + main.Width - (heading.X + heading.Width)} px from the right edge");
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Searchbox), page.Locator("form.help-search"), "the search box");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "help-article-ar");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
