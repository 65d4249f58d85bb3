using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class LoginPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task WrongPassword_SaysSo_AndStaysOnTheLoginPage()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        await using var context = await browser.NewContextAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/auth/login");

        await page.GotoAsync("/login/");
        await page.GetByLabel("Email").FillAsync(company.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        Assert.EndsWith("/login/", page.Url);
        Assert.Empty(problems.All);
    }
}
