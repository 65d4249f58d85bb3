using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The portal's Documents section and the technician's "Notes &amp; photos", in Chromium at a phone's size.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Customer_OpensAnEstimate_SignsWithTheirName_AndSeesItApproved()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var s = await DocumentScenario.CreateAsync(app);
        var estimate = await s.CreateEstimateAsync(title: "New irrigation controller");
        var contact = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me"); // 401 before sign-in

        await SignInAsync(page, await s.Customer.IssueTokenAsync(contact.Id));
        var card = page.Locator($"details.estimate[data-id='{estimate.Id}']");
        await card.Locator("summary").ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Cell, new() { Name = "Controller", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("€317.40");

        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync(); // no name typed yet
        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("Type your full name");
        await card.GetByLabel("Type your full name to sign").FillAsync("Maria Silva");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        var approved = page.Locator($"details.estimate[data-id='{estimate.Id}']");
        await Assertions.Expect(approved).ToContainTextAsync("Approved by Maria Silva");
        await Assertions.Expect(approved.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await BrowserFixture.SaveScreenshotAsync(page, "portal-estimate-approved");

        var stored = (await s.Dispatcher.GetFromJsonAsync<EstimateDto>($"/api/v1/estimates/{estimate.Id}", ApiJson.Options))!;
        Assert.Equal(("Approved", "Maria Silva", "127.0.0.1"), (stored.Status, stored.Decision!.SignedName, stored.Decision.ClientIp));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"details.estimate[data-id='{estimate.Id}'] .badge")).ToHaveTextAsync("Approved");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Customer_ViewsAJobReport_WithItsPhoto_AndDownloadsItAsHtmlAndAsPdf()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync("Spring start-up");
        await s.WorkJobAsync(job);
        (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "All zones run; replaced the rain sensor." })).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", DocumentScenario.Png, caption: "New rain sensor")).EnsureSuccessStatusCode();
        var contact = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");

        await SignInAsync(page, await s.Customer.IssueTokenAsync(contact.Id));
        var card = page.Locator($"details.report[data-id='{job}']");
        await card.Locator("summary").ClickAsync();

        await Assertions.Expect(card).ToContainTextAsync("All zones run; replaced the rain sensor.");
        await Assertions.Expect(card).ToContainTextAsync("Time on site");
        var photo = card.GetByRole(AriaRole.Img, new() { Name = "New rain sensor" });
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 8", await photo.ElementHandleAsync());
        await BrowserFixture.SaveScreenshotAsync(page, "portal-job-report");

        var download = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Download report" }).ClickAsync());
        Assert.Equal($"job-report-{job}.html", download.SuggestedFilename);
        var html = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("All zones run; replaced the rain sensor.", html);
        Assert.Contains("data:image/jpeg;base64,", html); // the PNG as stored: re-encoded, opaque, so JPEG

        var pdfDownload = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        Assert.Matches(@"^job-report-\d{4}-\d{2}-\d{2}-spring-start-up\.pdf$", pdfDownload.SuggestedFilename);
        var pdf = PdfText.Read(await File.ReadAllBytesAsync(await pdfDownload.PathAsync()));
        Assert.Contains("Job report: Spring start-up", pdf.All); // in the page's language
        Assert.Contains("All zones run; replaced the rain sensor.", pdf.All);
        Assert.Contains("New rain sensor", pdf.All);
        Assert.Equal(1, pdf.ImagesPerPage.Sum());
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Technician_AddsANoteAndAPhotoFromThePhone()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var day = await DispatchScenario.CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], DispatchScenario.Ribeira);
        var token = (await day.Company.IssueTokenAsync(technician)).Token;
        var job = await day.AddJobAsync("Fix the pump", DispatchScenario.Campanha, window: (1, 2));
        var device = DocumentScenario.DeviceClient(app, token);
        await Eventually.TrueAsync(async () => (await device.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/device/jobs")).GetArrayLength() == 1, "the job is on the route");
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);
        await page.GotoAsync($"/tech/?token={token}");

        await Assertions.Expect(page.GetByLabel("Job", new() { Exact = true })).ToHaveValueAsync(job.Id);
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Pump seal was worn.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added.");
        await page.GetByLabel("Photo (JPEG, PNG or WebP, up to 8 MB)").SetInputFilesAsync(new FilePayload { Name = "pump.png", MimeType = "image/png", Buffer = DocumentScenario.Png });
        await page.GetByLabel("Caption").FillAsync("Old seal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Photo added.");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Notes" })).ToContainTextAsync("Pump seal was worn.");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Photos" }).GetByRole(AriaRole.Img, new() { Name = "Old seal" })).ToBeVisibleAsync();

        var report = (await day.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{job.Id}/report", ApiJson.Options))!;
        Assert.Equal(["Pump seal was worn."], report.Notes.Select(n => n.Text));
        Assert.Equal("image/jpeg", Assert.Single(report.Photos).ContentType);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Customer_FollowsTheEstimateReadyLink_AndThatEstimateIsOpenAndInView()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var s = await DocumentScenario.CreateAsync(app);
        for (var i = 1; i <= 4; i++) await s.CreateEstimateAsync(title: $"Older estimate {i}");
        var estimate = await s.CreateEstimateAsync(title: "Rain sensor");
        var another = await s.CreateEstimateAsync(title: "Not this one");
        var contact = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        await PortalPages.SignInWithLinkAsync(page, await s.Customer.IssueTokenAsync(contact.Id));

        // The link the message carries (NotificationLinkOptions.Estimate).
        await page.GotoAsync($"/portal/#documents/{estimate.Id}");

        var card = page.Locator($"details.estimate[data-id='{estimate.Id}']");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator($"details.estimate[data-id='{another.Id}']")).Not.ToHaveAttributeAsync("open", "");
        await BrowserFixture.SaveScreenshotAsync(page, "portal-estimate-linked");
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await PortalPages.SignInWithLinkAsync(page, token);
        await PortalPages.OpenSectionAsync(page, "Documents");
    }

    // A phone-sized window: the portal is opened from emailed links, mostly on phones.
    private Task<IBrowserContext> PhoneAsync(Uri app) => PortalPages.ContextAsync(browser, app, 390, 844, locale: "en-IE");
}
