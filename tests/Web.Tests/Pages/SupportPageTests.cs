using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Support cases as people use them, in Chromium at both sizes: a customer opens one in the portal and follows the
/// conversation; the team works it on the support desk (note, assignment, priority, a reply that resolves it).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupportPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ACustomer_OpensACase_InThePortal_AndReadsTheTeamsAnswer(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        await customer.AddPropertyAsync("Home", "Rua de Santa Catarina 1, Porto");
        var maria = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height, locale: "en-IE");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");
        await PortalPages.SignInWithLinkAsync(page, await customer.IssueTokenAsync(maria.Id));
        await PortalPages.OpenSectionAsync(page, "Support");
        var section = page.Locator("section.support");
        await Assertions.Expect(section).ToContainTextAsync("You have no support cases.");

        await section.GetByRole(AriaRole.Link, new() { Name = "Open a case" }).ClickAsync();
        await section.GetByLabel("Subject").FillAsync("Water in the valve box");
        await section.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Quality of work" });
        await section.GetByLabel("Property (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Home — Rua de Santa Catarina 1, Porto" });
        await section.GetByLabel("Describe it").FillAsync("The valve box has been flooded since last night.");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await section.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "C-00001 · Water in the valve box" })).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToContainTextAsync("Case C-00001 is open");
        await Assertions.Expect(section.Locator(".expected-answer")).ToContainTextAsync("We aim to answer by"); // the SLA's first-response due time
        var id = (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!.Single().Id;
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/notes", new { text = "Internal: the valve from May." })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "We will come on Tuesday morning." })).EnsureSuccessStatusCode();

        await page.ReloadAsync();
        var thread = section.Locator(".case-thread");
        await Assertions.Expect(thread).ToContainTextAsync("We will come on Tuesday morning.");
        await Assertions.Expect(thread).Not.ToContainTextAsync("Internal");
        await Assertions.Expect(section.Locator(".expected-answer")).ToHaveCountAsync(0); // answered: nothing more is promised
        await Assertions.Expect(section.Locator(".badge").First).ToHaveTextAsync("Waiting on customer");
        await section.GetByLabel("Your reply").FillAsync("Tuesday is fine, the gate code is 1234.");
        await section.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(thread.Locator(".case-mine").Last).ToContainTextAsync("Tuesday is fine");
        await Assertions.Expect(section.Locator(".badge").First).ToHaveTextAsync("Open");
        await WhatAPersonSees.AssertInsideAsync(thread.Locator(".case-entry").Last, section, "the last message");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"portal-support-case-{width}");

        await section.GetByRole(AriaRole.Link, new() { Name = "All cases" }).ClickAsync();
        await Assertions.Expect(section.Locator(".case-row")).ToContainTextAsync("C-00001");
        await Assertions.Expect(section.Locator(".case-row")).ToContainTextAsync("Open");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheTeam_WorksACaseOnTheSupportDesk_AndResolvesIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.SignInAsync((await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test")).Id);
        (await maria.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Invoice INV-00007 twice?", category = "Billing", description = "I was charged twice in March." }))
            .EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, company, "/office/support/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);
        var queue = page.GetByRole(AriaRole.Region, new() { Name = "Cases" });
        await queue.GetByRole(AriaRole.Link).Filter(new() { HasText = "Invoice INV-00007 twice?" }).ClickAsync();
        var desk = page.Locator("section.case-desk");
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "C-00001 · Invoice INV-00007 twice?" })).ToBeVisibleAsync();
        await Assertions.Expect(desk).ToContainTextAsync("Not answered yet");

        await desk.GetByLabel("Note", new() { Exact = true }).FillAsync("Stripe shows one charge: check the bank statement.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".case-note")).ToContainTextAsync("Stripe shows one charge");
        await desk.GetByLabel("Assignee").SelectOptionAsync(company.Email);
        await desk.GetByLabel("Priority").SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(desk.Locator(".case-change")).ToContainTextAsync([$"changed priority from Normal to High", $"changed assignee from Nobody to {company.Email}", "changed status from New to Open"]);
        await Assertions.Expect(queue.Locator(".case-row")).ToContainTextAsync("High");

        // A saved reply, kept under the queue, goes into the reply box to be finished there.
        await queue.GetByText("Saved replies (0)").ClickAsync();
        await queue.GetByLabel("Title").FillAsync("Pending authorisation");
        await queue.GetByLabel("Text", new() { Exact = true }).FillAsync("The second line is a pending authorisation that drops in a few days.");
        await queue.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(queue.GetByText("Saved replies (1)")).ToBeVisibleAsync();
        await desk.GetByLabel("Reply to the customer").FillAsync("You were charged once.");
        await desk.GetByLabel("Insert a saved reply").SelectOptionAsync(new SelectOptionValue { Label = "Pending authorisation" });
        await Assertions.Expect(desk.GetByLabel("Reply to the customer")).ToHaveValueAsync("You were charged once.\n\nThe second line is a pending authorisation that drops in a few days.");
        await desk.GetByLabel("Then").SelectOptionAsync(new SelectOptionValue { Label = "Resolved" });
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"office-support-desk-{width}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        await Assertions.Expect(desk.Locator(".case-head .badge")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(desk).Not.ToContainTextAsync("Not answered yet");
        await Assertions.Expect(queue).ToContainTextAsync("No case matches."); // the queue shows open cases: this one is resolved
        await queue.GetByLabel("Show").SelectOptionAsync(new SelectOptionValue { Label = "All cases" });
        await Assertions.Expect(queue.Locator(".case-row")).ToContainTextAsync("Resolved");
        var seen = await maria.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options);
        Assert.Equal("Resolved", Assert.Single(seen!).Status);

        // Maria writes about it again in a new case: the team merges the duplicate into the first.
        (await maria.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Charged twice again?", category = "Billing", description = "Still two lines on my statement." }))
            .EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await queue.GetByRole(AriaRole.Link).Filter(new() { HasText = "Charged twice again?" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "C-00002 · Charged twice again?" })).ToBeVisibleAsync();
        await desk.GetByLabel("Duplicate of case number").FillAsync("C-00001");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Merge into it" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".case-head .badge")).ToHaveTextAsync("Closed");
        await Assertions.Expect(desk.Locator(".case-change").Filter(new() { HasText = "Dana Dispatcher merged this case into C-00001" })).ToHaveCountAsync(1);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        var first = (await maria.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!.Single(c => c.DisplayNumber == "C-00001");
        Assert.Contains((await maria.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{first.Id}", ApiJson.Options))!.Entries, e => e.Text == "Still two lines on my statement.");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
