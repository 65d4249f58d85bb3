using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The portal's Plans section in Chromium, as a customer's owner reaches it.</summary>
public static class PlanPages
{
    /// <summary>
    /// Adds an owner to the scenario's customer, signs them in with a link (English, Ireland) in a new context of the given
    /// size, and opens the Plans section. The caller disposes the context.
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page, PageProblems Problems)> OpenAsOwnerAsync(
        BrowserFixture browser, Uri address, DocumentScenario s, int width, int height)
    {
        var owner = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");
        var context = await PortalPages.ContextAsync(browser, address, width, height, locale: "en-IE");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");
        await PortalPages.SignInWithLinkAsync(page, await s.Customer.IssueTokenAsync(owner.Id));
        await PortalPages.OpenSectionAsync(page, "Plans", "Maintenance plans");
        return (context, page, problems);
    }
}
