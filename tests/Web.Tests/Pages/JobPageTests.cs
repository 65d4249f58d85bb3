using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's job page (/office/jobs/?id=) as a dispatcher uses it: everything about one job on one page, an estimate
/// written there and sent to the customer's portal, and the way in from the dispatch board's alerts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JobPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_SeesTheWholeJob_AndSendsAnEstimateFromIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: false);
        var site = await day.Company.SiteAsync();
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = (await day.AddJobAsync("Replace the rain sensor", Campanha, window: (1, 3))).Id;
        await AssignAsync(day, job, gil, "Gil knows the site");
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/report/notes", new { text = "The old sensor is cracked." })).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(day.Dispatcher, $"/api/v1/tickets/{job}/report/photos", DocumentScenario.Png, caption: "Cracked sensor")).EnsureSuccessStatusCode();
        var estimate = await PostDocumentAsync<EstimateDto>(day, "/api/v1/estimates", new
        {
            customerId = site.CustomerId, ticketId = job, title = "Rain sensor upgrade", currency = "EUR", validUntil = DateTimeOffset.UtcNow.AddDays(20),
            lines = new[] { new { description = "Wireless rain sensor", quantity = 1m, unitAmount = 8950L } },
        });
        var invoice = await PostDocumentAsync<InvoiceDto>(day, "/api/v1/invoices", new
        {
            customerId = site.CustomerId, ticketId = job, title = "Call-out", currency = "EUR", dueDate = "2030-01-31",
            lines = new[] { new { description = "Call-out fee", quantity = 1m, unitAmount = 4000L } },
        });
        await day.Dispatcher.SendAsync(ChatMessageMapping.TeamBase, ChatScenario.Job(job), "Gil will ring when he is near.");
        // A job for the same customer that the page must not mix in.
        var otherJob = (await day.AddJobAsync("Winterise the pipes", Boavista)).Id;
        await PostDocumentAsync<EstimateDto>(day, "/api/v1/estimates", new
        {
            customerId = site.CustomerId, ticketId = otherJob, title = "Pipe insulation", currency = "EUR", validUntil = DateTimeOffset.UtcNow.AddDays(20),
            lines = new[] { new { description = "Foam", quantity = 3m, unitAmount = 500L } },
        });

        var owner = await OwnerAsync(day, site);
        (await owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "Walter Walk-in" })).EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(address);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        // Refused on purpose: the first read before signing in, and the estimate with a bad quantity.
        var problems = new PageProblems(page, $"/api/v1/tickets/{job}/overview", "/api/v1/estimates");
        await page.GotoAsync($"/office/jobs/?id={job}");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login/\\?returnUrl="));
        await page.GetByLabel("Email").FillAsync(day.Company.Email);
        await page.GetByLabel("Password").FillAsync(TenantScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/office/jobs/\\?id={job}$"));

        // Details, with the customer's page a click away.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Replace the rain sensor", Level = 2 })).ToBeVisibleAsync();
        var details = page.Locator("section.job-details");
        await Assertions.Expect(details.GetByRole(AriaRole.Link, new() { Name = "Walk-in customers" })).ToHaveAttributeAsync("href", $"/office/customers/#{site.CustomerId}");
        await Assertions.Expect(details).ToContainTextAsync("Gate code 1234");
        await Assertions.Expect(details).ToContainTextAsync("irrigation");
        await Assertions.Expect(details).ToContainTextAsync("Gil Gardener");
        // The status line: assigned now, created before; the audit trail says who and why.
        var steps = page.GetByRole(AriaRole.List, new() { Name = "Status steps" });
        await Assertions.Expect(steps.Locator("[aria-current=step]")).ToContainTextAsync("Assigned");
        await Assertions.Expect(page.Locator("ol.audit")).ToContainTextAsync("Gil knows the site");
        await Assertions.Expect(page.Locator("ol.audit")).ToContainTextAsync(day.Company.Email);
        // The route: the only stop on Gil's day.
        await Assertions.Expect(page.Locator("section.job-route")).ToContainTextAsync("Stop 1 of 1 on Gil Gardener's route");
        await Assertions.Expect(page.Locator("section.job-route").GetByRole(AriaRole.Link, new() { Name = "Open the dispatch board" })).ToHaveAttributeAsync("href", "/dispatch/");
        // The report: the note and the photo as a thumbnail that loads.
        var report = page.Locator("section.job-report");
        await Assertions.Expect(report).ToContainTextAsync("The old sensor is cracked.");
        var photo = report.GetByRole(AriaRole.Img, new() { Name = "Cracked sensor" });
        await Assertions.Expect(photo).ToBeVisibleAsync();
        // The thumbnail loads lazily: on a phone it may lie below the fold, beyond where Chromium starts loading, until
        // the dispatcher scrolls to it, as they would to look at it.
        await photo.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await photo.ElementHandleAsync());
        // The report as the customer gets it, as a PDF.
        var pdfDownload = await page.RunAndWaitForDownloadAsync(() => report.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", pdfDownload.SuggestedFilename);
        Assert.Contains("The old sensor is cracked.", PdfText.Read(await File.ReadAllBytesAsync(await pdfDownload.PathAsync())).All);
        // The documents: this job's estimate (approved, by whom) and invoice (open), not the other job's.
        var documents = page.Locator("section.job-documents");
        await Assertions.Expect(documents.Locator($"[data-id='{estimate.Id}']")).ToContainTextAsync("Approved by Walter Walk-in");
        await Assertions.Expect(documents.Locator($"[data-id='{estimate.Id}']")).ToContainTextAsync("€89.50");
        await Assertions.Expect(documents.Locator($"[data-id='{invoice.Id}']")).ToContainTextAsync("Open");
        await Assertions.Expect(documents).Not.ToContainTextAsync("Pipe insulation");
        // The job's own conversation.
        await Assertions.Expect(page.Locator("section.job-conversation")).ToContainTextAsync("Gil will ring when he is near.");

        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(steps.GetByRole(AriaRole.Listitem), page.Locator("section.job-timeline"), "the status steps");
        await WhatAPersonSees.AssertInsideAsync(photo, report, "the photo's thumbnail");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-job");

        // A new estimate: a bad quantity is refused with the server's words next to the field, then it goes through.
        await documents.GetByRole(AriaRole.Button, new() { Name = "New estimate" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New estimate" });
        await form.GetByLabel("Title").FillAsync("Extra valve");
        await form.GetByLabel("Description, line 1").FillAsync("Solenoid valve");
        await form.GetByLabel("Quantity, line 1").FillAsync("0");
        await form.GetByLabel("Unit price, line 1").FillAsync("32.25");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).ClickAsync();
        await form.GetByLabel("Description, line 2").FillAsync("Fitting (hours)");
        await form.GetByLabel("Quantity, line 2").FillAsync("1.5");
        await form.GetByLabel("Unit price, line 2").FillAsync("40");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create and send estimate" }).ClickAsync();
        await Assertions.Expect(form.GetByLabel("Quantity, line 1")).ToHaveAccessibleDescriptionAsync(new Regex("The quantity must be more than 0"));
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some fields need fixing");
        await WhatAPersonSees.AssertInsideAsync(form.Locator(".field-error"), form, "the quantity's error");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-job-estimate-refused");

        await form.GetByLabel("Quantity, line 1").FillAsync("2");
        await Assertions.Expect(form.Locator(".document-total")).ToContainTextAsync("€124.50"); // 2 x 32.25 + 1.5 x 40
        await form.GetByRole(AriaRole.Button, new() { Name = "Create and send estimate" }).ClickAsync();
        await Assertions.Expect(documents.GetByRole(AriaRole.Status)).ToContainTextAsync("the customer can see it in their portal now");
        var sent = documents.Locator("li.document").Filter(new() { HasText = "Extra valve" });
        await Assertions.Expect(sent).ToContainTextAsync("Pending");
        await Assertions.Expect(sent).ToContainTextAsync("€124.50");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-job-estimate-sent");

        // An invoice the same way.
        await documents.GetByRole(AriaRole.Button, new() { Name = "New invoice" }).ClickAsync();
        var invoiceForm = page.GetByRole(AriaRole.Form, new() { Name = "New invoice" });
        await invoiceForm.GetByLabel("Title").FillAsync("Valve fitting");
        await invoiceForm.GetByLabel("Description, line 1").FillAsync("Fitting (hours)");
        await invoiceForm.GetByLabel("Unit price, line 1").FillAsync("40");
        await invoiceForm.GetByLabel("Tax %, line 1").FillAsync("23");
        await Assertions.Expect(invoiceForm.Locator(".document-total")).ToContainTextAsync("€49.20"); // 40 + 23 % VAT
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await invoiceForm.GetByRole(AriaRole.Button, new() { Name = "Issue and send invoice" }).ClickAsync();
        await Assertions.Expect(documents.GetByRole(AriaRole.Status)).ToContainTextAsync("Invoice sent");
        var invoiced = documents.Locator("li.document").Filter(new() { HasText = "Valve fitting" });
        await Assertions.Expect(invoiced).ToContainTextAsync("Open");
        await Assertions.Expect(invoiced).ToContainTextAsync("€49.20");
        await Assertions.Expect(invoiced).ToContainTextAsync(new Regex("INV-[0-9]{5}"));

        // What "sent" means: the customer's portal lists them.
        var portal = (await owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        var listed = Assert.Single(portal.Estimates, e => e.Title == "Extra valve");
        Assert.Equal((job, 12450L, "Pending"), (listed.TicketId, listed.Total, listed.Status));
        var billed = Assert.Single(portal.Invoices, i => i.Title == "Valve fitting");
        Assert.Equal((job, 4920L, "Open"), (billed.TicketId, billed.Total, billed.Status));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task AnAlertAboutAJob_OnTheDispatchBoard_OpensTheJobPage()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: true);
        await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        await using var context = await browser.NewContextAsync(address);
        var (page, problems) = await OpenBoardAsync(context, day);

        var gas = await day.AddJobAsync("Gas leak in the cellar", Gaia, ["gas"], window: (0, 1), priority: "Emergency");
        var alert = page.GetByRole(AriaRole.List, new() { Name = "Alerts" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gas leak in the cellar" });
        await Assertions.Expect(alert).ToContainTextAsync("Unassigned emergency");
        await alert.GetByRole(AriaRole.Link, new() { Name = "Open job" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/office/jobs/\\?id={gas.Id}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gas leak in the cellar", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.job-details")).ToContainTextAsync("Emergency");
        await Assertions.Expect(page.Locator("section.job-route")).ToContainTextAsync("This job is on no technician's route.");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task AnAlertAboutATechnicianAlone_OpensThatTechnician_OnTheBoard()
    {
        using var app = new PortalFactory();
        app.Settings["Dispatch:AlertCheckInterval"] = "00:00:00.300";
        app.Settings["Dispatch:NoSignalAfter"] = "00:01:00";
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: true);
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = await day.AddJobAsync("Lawn survey", Campanha, window: (0, 4));
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == gil, "the job is assigned");
        await using var context = await browser.NewContextAsync(address);
        var (page, problems) = await OpenBoardAsync(context, day);

        var alert = page.GetByRole(AriaRole.List, new() { Name = "Alerts" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "No signal from Gil Gardener" });
        await Assertions.Expect(alert.GetByRole(AriaRole.Link)).ToHaveCountAsync(0); // about nobody's job
        await alert.GetByRole(AriaRole.Button, new() { Name = "Show Gil Gardener" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gil Gardener", Level = 2 })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task AStopOnTheBoard_OpensItsJobPage_FromTheKeyboard()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await CreateAsync(app, autoAssign: false);
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = (await day.AddJobAsync("Prune the hedge", Campanha, minutes: 240, window: (1, 3))).Id;
        await AssignAsync(day, job, gil, reason: null);
        await using var context = await browser.NewContextAsync(address);
        var (page, problems) = await OpenBoardAsync(context, day);

        var open = page.GetByRole(AriaRole.Link, new() { Name = "Open the job page: Prune the hedge" });
        await Assertions.Expect(open).ToHaveCountAsync(1); // the stop's; the tray is empty
        await WhatAPersonSees.AssertInsideAsync(open, page.Locator("li.stop"), "the stop's link to its job");
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/office/jobs/\\?id={job}$"));
        await Assertions.Expect(page.Locator("section.job-route")).ToContainTextAsync("Stop 1 of 1 on Gil Gardener's route");
        Assert.Empty(problems.All);
    }

    /// <summary>The dispatcher signed in on the dashboard, on a desk.</summary>
    private static async Task<(IPage Page, PageProblems Problems)> OpenBoardAsync(IBrowserContext context, DispatchScenario day)
    {
        var page = await DispatchPageTests.SignInAsync(context, day.Company);
        await page.SetViewportSizeAsync(WhatAPersonSees.Desk.Width, WhatAPersonSees.Desk.Height);
        return (page, new PageProblems(page));
    }

    /// <summary>Assigns the job through its status (with the reason the audit trail keeps) and waits for it on the technician's route.</summary>
    private static async Task AssignAsync(DispatchScenario day, string job, string technician, string? reason)
    {
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/status", new { status = "Assigned", technicianId = technician, reason })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Technicians.Single(t => t.Id == technician).Stops.Any(s => s.Job.TicketId == job), "the job is on the technician's route");
    }

    private static async Task<T> PostDocumentAsync<T>(DispatchScenario day, string path, object body)
    {
        var response = await day.Dispatcher.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }

    /// <summary>An owner contact of the site's customer, signed in to the portal.</summary>
    private static async Task<HttpClient> OwnerAsync(DispatchScenario day, CustomerSite site)
    {
        var response = await day.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{site.CustomerId}/contacts", new { name = "Walter Walk-in", email = ChatScenario.UniqueEmail(), role = "Owner" });
        response.EnsureSuccessStatusCode();
        var contact = (await response.Content.ReadFromJsonAsync<ContactDto>(ApiJson.Options))!;
        return await PortalSession.SignInAsync(day.Company.App, await PortalSession.IssueTokenAsync(day.Company.App, new ContactRef(day.Company.TenantId, site.CustomerId, contact.Id)));
    }
}
