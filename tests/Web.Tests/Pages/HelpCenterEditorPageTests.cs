using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The team's help center editor in Chromium at both sizes, as a dispatcher uses it: from the support desk to "Help
/// center", categories added, renamed and removed, an article written, saved, published and checked on the public page,
/// published again, and its first version restored.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HelpCenterEditorPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_WritesPublishesAndRestoresAnArticle_AndThePublicPageFollows(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        // A reader looked for something the help center does not have yet.
        (await company.Dispatcher.GetAsync($"/help/{company.TenantId}/en/search?q=frozen+pipes")).EnsureSuccessStatusCode();
        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, company, "/office/support/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Support", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Help center" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/office/support/help/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Office" }).GetByRole(AriaRole.Link, new() { Name = "Support" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Support", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Help center" }))
            .ToHaveAttributeAsync("aria-current", "page");
        var misses = page.GetByRole(AriaRole.Region, new() { Name = "Searches that found nothing" });
        await Assertions.Expect(misses.GetByRole(AriaRole.Listitem)).ToContainTextAsync(["frozen pipes"]);

        // Categories: two added (the first with its Portuguese name), one removed, one renamed.
        var categories = page.GetByRole(AriaRole.Region, new() { Name = "Categories", Exact = true });
        await categories.GetByLabel("Name in English").FillAsync("Heating");
        await categories.GetByLabel("Name in Portuguese (optional)").FillAsync("Aquecimento");
        await categories.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(categories.GetByRole(AriaRole.Status)).ToHaveTextAsync("Category Heating added.");
        await categories.GetByLabel("Name in English").FillAsync("Old news");
        await categories.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(categories.Locator(".help-category-name")).ToHaveTextAsync(["Heating", "Old news"]);
        await categories.GetByRole(AriaRole.Button, new() { Name = "Remove Old news" }).ClickAsync();
        await Assertions.Expect(categories.Locator(".help-category-name")).ToHaveTextAsync(["Heating"]);
        await categories.GetByRole(AriaRole.Button, new() { Name = "Rename Heating" }).ClickAsync();
        await categories.Locator(".help-rename").GetByLabel("Name in English").FillAsync("Heating and hot water");
        await categories.Locator(".help-rename").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(categories.Locator(".help-category-name")).ToHaveTextAsync(["Heating and hot water"]);

        // A new article: refused without a title (the API's message under the field), then created.
        var articles = page.GetByRole(AriaRole.Region, new() { Name = "Articles", Exact = true });
        await articles.GetByRole(AriaRole.Link, new() { Name = "New article" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Region, new() { Name = "New article" });
        await Assertions.Expect(form.GetByLabel("Category")).ToHaveValueAsync(new Regex("."));
        await form.GetByLabel("Summary (optional)").FillAsync("What the gauge should read, and when to call us.");
        await form.GetByLabel("Text (Markdown)").FillAsync("The gauge should read between **1 and 1.5 bar**.");
        await form.GetByText("Preview", new() { Exact = true }).ClickAsync(); // rendered by the server, as the public page will show it
        await Assertions.Expect(form.Locator(".help-preview-body strong")).ToHaveTextAsync("1 and 1.5 bar");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await Assertions.Expect(form.Locator("#help-new-title-error")).ToHaveTextAsync("A title of 1 to 200 characters is required.");
        await Assertions.Expect(form.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-help-new-article");
        await form.GetByLabel("Title").FillAsync("What to do when your boiler pressure drops");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();

        var editor = page.Locator("section.help-editor");
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "What to do when your boiler pressure drops" })).ToBeFocusedAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Tab, new() { Name = "English" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(editor).ToContainTextAsync("Not on the help center");
        await Assertions.Expect(articles.Locator(".help-article-row")).ToContainTextAsync(["Not published"]);
        var body = editor.GetByLabel("Text (Markdown)");
        await body.FillAsync("The gauge should read between **1 and 1.5 bar**.\n\nBelow 1 bar, top it up with the filling loop.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Draft saved.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Version 1 is on the help center.");
        await Assertions.Expect(articles.Locator(".help-article-row")).ToContainTextAsync(["Published: EN"]);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(editor.GetByRole(AriaRole.Button), editor, "the editor's buttons");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-help-editor");

        // The public page, as the link opens it in a new tab.
        var view = editor.GetByRole(AriaRole.Link, new() { Name = "View on the help center" });
        await Assertions.Expect(view).ToHaveAttributeAsync("target", "_blank");
        var reader = await context.NewPageAsync();
        await reader.GotoAsync((await view.GetAttributeAsync("href"))!);
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "What to do when your boiler pressure drops", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("Below 1 bar, top it up with the filling loop.");

        // Edited and published again (Publish saves the draft first), then version 1 restored.
        await body.FillAsync("Call us: the pressure should not drop twice in a week.");
        await Assertions.Expect(editor).ToContainTextAsync("Unsaved changes");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Version 2 is on the help center.");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("Call us: the pressure should not drop twice in a week.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Version 1 is published again, as version 3.");
        await Assertions.Expect(body).ToHaveValueAsync("The gauge should read between **1 and 1.5 bar**.\n\nBelow 1 bar, top it up with the filling loop.");
        await Assertions.Expect(editor.Locator(".help-version")).ToHaveCountAsync(3);
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("Below 1 bar, top it up with the filling loop.");
        await Assertions.Expect(reader.Locator("main")).Not.ToContainTextAsync("Call us");

        // A Portuguese translation, saved as a draft: the list says it waits to be published.
        await editor.GetByLabel("Add translation").SelectOptionAsync(new SelectOptionValue { Label = "Português" });
        await Assertions.Expect(editor.GetByRole(AriaRole.Tab, new() { Name = "Português" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(editor.GetByLabel("Title")).ToHaveValueAsync("");
        await editor.GetByLabel("Title").FillAsync("A pressão da caldeira desceu");
        await editor.GetByLabel("Text (Markdown)").FillAsync("O manómetro deve marcar entre **1 e 1,5 bar**.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Draft saved.");
        await Assertions.Expect(articles.Locator(".help-article-row")).ToContainTextAsync(new Regex("Published: EN.*Unpublished changes: PT"));
        await editor.GetByRole(AriaRole.Tab, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync(new Regex("^The gauge should read"));

        // A category that holds an article stays, and says why.
        await categories.GetByRole(AriaRole.Button, new() { Name = "Remove Heating and hot water" }).ClickAsync();
        await Assertions.Expect(categories.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The category holds articles: move them first.");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-help-restored");

        // In Portuguese, the longer words still fit.
        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("pt");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pesquisas sem resultados" })).ToBeVisibleAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Guardar rascunho" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-help-pt");

        // The refused create (400) and the refused removal (409) are the page's only error responses.
        Assert.Equal(2, problems.All.Count);
        Assert.All(problems.All, p => Assert.Matches(ExpectedRefusal(), p));
    }

    [GeneratedRegex(@"^HTTP (400: \S+/api/v1/support/help/articles|409: \S+/api/v1/support/help/categories/[0-9a-z-]+)$")]
    private static partial Regex ExpectedRefusal();
}
