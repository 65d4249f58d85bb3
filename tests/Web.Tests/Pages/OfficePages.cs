using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>How a test reaches an office screen: as a dispatcher would, through the sign-in page that sends them on.</summary>
public static class OfficePages
{
    /// <summary>Opens a page, signs in as the company's dispatcher and lands on <paramref name="path"/> (e.g. "/office/customers/").</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, TenantScenario company, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login/?returnUrl={Uri.EscapeDataString(path)}");
        await page.GetByLabel("Email").FillAsync(company.Email);
        await page.GetByLabel("Password").FillAsync(TenantScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        return page;
    }

    /// <summary>
    /// A new browser context at <paramref name="width"/> x <paramref name="height"/>, the dispatcher signed in, on the
    /// customer's page, with the page's problems recorded from then on. The caller disposes the context.
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page, PageProblems Problems)> OpenCustomerAsync(
        BrowserFixture browser, Uri address, TenantScenario company, string customerId, int width, int height)
    {
        var context = await browser.NewContextAsync(address);
        var page = await SignInAsync(context, company, "/office/customers/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);
        await page.GotoAsync($"/office/customers/#{customerId}");
        return (context, page, problems);
    }
}
