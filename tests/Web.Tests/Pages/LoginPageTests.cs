using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class LoginPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task WrongPassword_SaysSo_AndStaysOnTheLoginPage(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page, "/api/v1/auth/login");

        await page.GotoAsync("/login/");
        await page.GetByLabel("Email").FillAsync(company.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        Assert.EndsWith("/login/", page.Url);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), page.Locator("main"), "the Sign in button");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "login");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task RightPassword_SignsIn_AndGoesToTheDispatchBoard()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync("/login/?returnUrl=%2Fdispatch%2F");
        await page.GetByLabel("Email").FillAsync(company.Email);
        await page.GetByLabel("Password").FillAsync(TenantScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/dispatch/");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task InPortuguese_TheBrowsersLanguageChoosesThePage_AndTheChoiceIsKept()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = address.ToString(), Locale = "pt-PT" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Entrar" })).ToBeVisibleAsync();
        Assert.Equal("pt", await page.EvaluateAsync<string>("document.documentElement.lang"));

        await page.GetByLabel("Idioma").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RightToLeft_TheFormStillFits()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        await using var context = await browser.NewContextAsync(address);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/login/?dir=rtl");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), page.Locator("main"), "the Sign in button");
    }
}
