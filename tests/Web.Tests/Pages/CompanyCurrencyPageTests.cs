using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The company's currency in Chromium: set on the money page (a code that is not ISO 4217 refused under the field in
/// the server's words), the money view then in that currency, and a new plan's form starting in it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CompanyCurrencyPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheOffice_SetsUsDollarsOnTheMoneyPage_AndANewPlanStartsInThem(int width, int height)
    {
        using var app = new PortalFactory();
        await using var context = await browser.NewContextAsync(app.StartOnLoopback());
        var company = await TenantScenario.CreateAsync(app);
        var page = await OfficePages.SignInAsync(context, company, "/office/money/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page, "/api/v1/company/currency"); // the refused code answers 400

        var card = page.GetByRole(AriaRole.Region, new() { Name = "Currency", Exact = true });
        var field = card.GetByLabel("The company's currency (ISO 4217 code)");
        await Assertions.Expect(field).ToHaveValueAsync("EUR");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Key figures" })).ToContainTextAsync("€0.00");

        // Not a currency: the server's reason, under the field and tied to it; nothing changes.
        await field.FillAsync("EUX");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToHaveAccessibleDescriptionAsync(new Regex("Currency must be an active ISO 4217 code"));
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        Assert.Equal("EUR", (await company.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.Currency);

        // Dollars, typed in lower case: kept as USD, and the money view (no money yet) is now in them.
        await field.FillAsync("usd");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved: new documents and plans are in USD.");
        await Assertions.Expect(field).ToHaveValueAsync("USD");
        await Assertions.Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Key figures" })).ToContainTextAsync("$0.00");
        await WhatAPersonSees.AssertInsideAsync(card.GetByRole(AriaRole.Button, new() { Name = "Save" }), card, "the currency's Save button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-money-currency");
        Assert.Equal("USD", (await company.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.Currency);

        // A new plan starts in the company's currency, and is offered in it.
        await page.GotoAsync("/office/plans/");
        var currency = page.GetByLabel("Currency", new() { Exact = true });
        await Assertions.Expect(currency).ToHaveValueAsync("USD");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lawn care");
        await page.GetByLabel("Price per period").FillAsync("99.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Offer this plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".plan-row").Filter(new() { HasText = "Lawn care" })).ToContainTextAsync("$99.50");
        await Assertions.Expect(currency).ToHaveValueAsync("USD"); // the next blank plan too
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-plans-usd");
        Assert.Empty(problems.All);
    }
}
