using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The customer's side end to end, in Chromium at a phone's size: the emailed link, the appointment, the technician approaching live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointmentPageTests(BrowserFixture browser, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private Task<IBrowserContext> PhoneAsync(Uri app) =>
        browser.Browser.NewContextAsync(new() { BaseURL = app.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

    private static async Task SignInFromTheMailAsync(IPage page, SmtpServer smtp, string email)
    {
        await page.GotoAsync("/portal/");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Check your email.")).ToBeVisibleAsync();
        var mail = await smtp.WaitForMailAsync(email);
        await page.GotoAsync(mail.Links[0].PathAndQuery); // the mail's host is the configured public address
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your appointments" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ACustomer_SignsInFromTheEmail_AndWatchesTheTechnicianApproachLive()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var address = app.StartOnLoopback();
        var day = await DispatchScenario.CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], DispatchScenario.Ribeira);
        var device = await day.Company.IssueTokenAsync(technician);
        var customer = await CustomerScenario.CreateAsync(day.Company, "Smith household");
        var property = await customer.AddPropertyAsync("Beach house", "Avenida do Brasil 100, Porto");
        var email = $"maria-{Guid.NewGuid():N}@example.com";
        await customer.AddContactAsync(email);
        var created = await day.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = customer.Id, propertyId = property.Id, location = property.Location, address = property.Address,
            description = "Sprinkler zone 3 is flooding", requiredSkills = new[] { "irrigation" }, estimatedMinutes = 45,
            arrivalWindow = new { start = DateTimeOffset.UtcNow.AddMinutes(-5), end = DateTimeOffset.UtcNow.AddHours(3) }, priority = "High", // open now: the ETA is the drive
        });
        var job = (await created.Content.ReadFromJsonAsync<OrleansPortal.Web.Tickets.TicketDto>(ApiJson.Options))!;
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == technician, "dispatch assigns the job");
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job.Id}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");

        await SignInFromTheMailAsync(page, smtp, email);
        var card = page.Locator($"article.job[data-job='{job.Id}']");
        await Assertions.Expect(card).ToContainTextAsync("On the way");
        await card.GetByRole(AriaRole.Link, new() { Name = "Follow this appointment" }).ClickAsync();

        await Assertions.Expect(page.Locator("#job-status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(page.Locator("#job-technician")).ToHaveTextAsync("Gil");
        await Assertions.Expect(page.Locator("#live")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#map-card")).ToBeHiddenAsync(); // no position heard yet: nothing to show
        var firstEta = (await page.Locator("#job-eta").TextContentAsync())!;

        // The technician's phone reports from Matosinhos, 10 km away: the map appears there and the ETA moves later.
        var phone = app.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);
        (await phone.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow, lat = 41.1844, lon = -8.6963 } } })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("#map-card")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-lat", "41.1844");
        await Assertions.Expect(page.Locator("#job-eta")).Not.ToHaveTextAsync(firstEta, new() { Timeout = 15_000 });
        await BrowserFixture.SaveScreenshotAsync(page, "appointment-live");

        // On site: the position is no longer the customer's to see.
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job.Id}/status", new { status = "OnSite" })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator("#job-status")).ToHaveTextAsync("Arrived");
        await Assertions.Expect(page.Locator("#map-card")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ACustomer_BooksAWindowOnOffer_WithAPhoto_AndSeesTheAppointment()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var token = await portal.Customer.IssueTokenAsync((await portal.Customer.AddContactAsync($"ana-{Guid.NewGuid():N}@example.com")).Id);
        await using var context = await PhoneAsync(address);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/portal/login?token={token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No appointments yet.")).ToBeVisibleAsync();
        await page.GetByLabel("What needs doing?").FillAsync("Hedge trimming at the back");
        await page.GetByLabel("Photos of the problem").SetInputFilesAsync(new FilePayload { Name = "hedge.png", MimeType = "image/png", Buffer = TestImages.Png() });
        var windows = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Arrival windows" });
        await Assertions.Expect(windows).ToContainTextAsync("08:00 AM–12:00 PM"); // mornings in the company's time, not the browser's (UTC here)
        var firstWindow = windows.GetByRole(AriaRole.Radio).First;
        await firstWindow.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Assertions.Expect(page.Locator("#request-sent")).ToContainTextAsync("your request is booked");
        var card = page.Locator("article.job").First;
        await Assertions.Expect(card).ToContainTextAsync("Hedge trimming at the back");
        await Assertions.Expect(card).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Scheduled|Technician assigned"));
        var booked = await portal.Owner.GetFromJsonAsync<OrleansPortal.Web.Portal.Jobs.PortalJobDto[]>("/api/v1/portal/jobs", ApiJson.Options);
        Assert.Equal("Hedge trimming at the back", Assert.Single(booked!).Description);
        var report = await portal.Owner.GetFromJsonAsync<OrleansPortal.Web.Documents.JobReportDto>($"/api/v1/portal/reports/{booked![0].Id}", ApiJson.Options);
        Assert.Equal(8, TestImages.Decode(await portal.Owner.GetByteArrayAsync(Assert.Single(report!.Photos).Url))!.Width); // the photo went with the request
        await BrowserFixture.SaveScreenshotAsync(page, "portal-booked");
        Assert.Empty(problems.All);
    }
}
