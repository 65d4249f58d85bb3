using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Web.Demo;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class DemoTests(BrowserFixture browser)
{
    [Fact]
    public async Task Demo_SeedsPorto_AndItsDispatcherWatchesTaxiTracesMove()
    {
        using var app = new PortalFactory();
        app.Settings[DemoServices.EnabledSetting] = "true";
        var address = app.StartOnLoopback();
        await using var context = await browser.NewContextAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync("/login/?returnUrl=/dispatch/");
        await page.GetByLabel("Email").FillAsync(DemoCompany.DispatcherEmail);
        await page.GetByLabel("Password").FillAsync(DemoCompany.DispatcherPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dispatch/$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Technicians {DemoReplay.Technicians}", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // The first recorded fixes are replayed at once: technicians have a position, and show on the map of Porto.
        var heard = DispatchPageTests.TechnicianList(page).GetByRole(AriaRole.Button).Filter(new() { HasNotText = "no signal" }).First;
        await Assertions.Expect(heard).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await heard.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tooltip)).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "demo");

        // A day of work was seeded and dispatched: every job is on a route or in the tray, today's or tomorrow's.
        var jobs = 0;
        await Eventually.TrueAsync(async () =>
        {
            jobs = 0;
            foreach (var day in new[] { DateTime.UtcNow, DateTime.UtcNow.AddDays(1) })
            {
                var board = await page.APIRequest.GetAsync($"/api/v1/dispatch/board?day={day:yyyy-MM-dd}");
                using var json = System.Text.Json.JsonDocument.Parse(await board.TextAsync());
                jobs += json.RootElement.GetProperty("unassigned").GetArrayLength()
                    + json.RootElement.GetProperty("technicians").EnumerateArray().Sum(t => t.GetProperty("stops").GetArrayLength());
            }
            return jobs == DemoJobs.JobsPerDay;
        }, $"the demo's {DemoJobs.JobsPerDay} jobs are on the board (last count {jobs})", seconds: 60);

        // Feedback: the technicians' ratings, and the household's review waiting for the team's approval.
        await page.GotoAsync("/office/support/feedback/");
        await Assertions.Expect(page.GetByTestId("csat")).ToHaveTextAsync(new Regex(@"^4\.\d / 5$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Reviews to moderate" }).Locator("blockquote")).ToContainTextAsync("reprogramou o programador");
        Assert.Empty(problems.All);

        // The demo household's contact signs in to the portal and sees its two appointments.
        await using var customerContext = await browser.NewContextAsync(address);
        var portal = await customerContext.NewPageAsync();
        var portalProblems = new PageProblems(portal);
        await portal.GotoAsync($"/portal/login?token={await IssueDemoLinkAsync(app)}");
        await portal.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(portal.Locator("article.job")).ToHaveCountAsync(2);
        await Assertions.Expect(portal.Locator("article.job").First).ToContainTextAsync(DemoCustomer.Address);

        // Its open invoice (with VAT and a discount) and the plan on offer; without Stripe keys there is nothing to press.
        await portal.GotoAsync("/portal/#documents");
        var invoice = portal.Locator($"details.invoice[data-id='{DemoBilling.InvoiceId}']");
        await Assertions.Expect(invoice).ToContainTextAsync(new Regex("101[.,]48")); // 60.00 + 2 x 12.50 less 10 %, then 23 % VAT
        await Assertions.Expect(portal.GetByRole(AriaRole.Button, new() { Name = "Pay" })).ToHaveCountAsync(0);
        // An estimate awaiting approval with its 30 % deposit: approving issues the deposit invoice (paid online with Stripe keys).
        var estimate = portal.Locator($"details.estimate[data-id='{DemoBilling.EstimateId}']");
        await Assertions.Expect(estimate).ToContainTextAsync(new Regex("98[.,]49")); // 30 % of 328.29 (266.90 and 23 % VAT)
        await Assertions.Expect(estimate).ToContainTextAsync("Approve and pay deposit");
        await portal.GotoAsync("/portal/#plans");
        await Assertions.Expect(portal.Locator("section.plans")).ToContainTextAsync(DemoBilling.PlanName);
        // A support case about the controller, answered by the team and waiting on the household.
        await portal.GotoAsync($"/portal/#support/{DemoSupport.CaseId}");
        await Assertions.Expect(portal.GetByRole(AriaRole.Heading, new() { Name = "C-00001 · O programador mostra o erro E2" })).ToBeVisibleAsync();
        await Assertions.Expect(portal.Locator(".case-thread .case-entry")).ToHaveCountAsync(2);
        await Assertions.Expect(portal.Locator("section.support .badge").First).ToHaveTextAsync("Waiting on customer");
        Assert.Empty(portalProblems.All);
    }

    private static async Task<string> IssueDemoLinkAsync(PortalFactory app)
    {
        var household = await app.Services.GetRequiredService<IClusterClient>()
            .GetGrain<ICustomerGrain>(TenantKeys.For(DemoCompany.TenantId, DemoCustomer.CustomerId)).GetAsync();
        var contact = household.Contacts.Single(c => c.Email == DemoCustomer.Email);
        return await PortalSession.IssueTokenAsync(app, new ContactRef(DemoCompany.TenantId, DemoCustomer.CustomerId, contact.ContactId));
    }
}
