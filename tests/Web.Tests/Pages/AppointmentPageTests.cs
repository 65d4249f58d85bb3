using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The customer's side end to end, in Chromium: the emailed link, booking, the appointment, the technician approaching live on a map.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointmentPageTests(BrowserFixture browser, MailServer smtp) : IClassFixture<MailServer>
{
    private static async Task SignInFromTheMailAsync(IPage page, MailServer smtp, string email)
    {
        await page.GotoAsync("/portal/");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Check your email.")).ToBeVisibleAsync();
        var mail = await smtp.WaitForSignInMailAsync(email);
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
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me");

        await SignInFromTheMailAsync(page, smtp, email);
        var card = page.Locator($"article.job[data-job='{job.Id}']");
        await Assertions.Expect(card).ToContainTextAsync("On the way");
        await card.GetByRole(AriaRole.Link, new() { Name = "Follow this appointment" }).ClickAsync();

        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(Fact(page, "Technician")).ToHaveTextAsync("Gil");
        await Assertions.Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(MapSection(page)).ToBeHiddenAsync(); // no position heard yet: nothing to show
        var firstEta = (await Fact(page, "Expected").TextContentAsync())!;

        // The technician's phone reports from Matosinhos, 10 km away: the map appears there and the ETA moves later.
        var phone = app.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);
        (await phone.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow, lat = 41.1844, lon = -8.6963 } } })).EnsureSuccessStatusCode();

        await Assertions.Expect(MapSection(page)).ToBeVisibleAsync();
        await Assertions.Expect(TechnicianMarker(page)).ToHaveAttributeAsync("data-lat", "41.1844");
        await Assertions.Expect(Fact(page, "Expected")).Not.ToHaveTextAsync(firstEta, new() { Timeout = 15_000 });
        await BrowserFixture.SaveScreenshotAsync(page, "appointment-live");

        // On site: the position is no longer the customer's to see.
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job.Id}/status", new { status = "OnSite" })).EnsureSuccessStatusCode();
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("Arrived");
        await Assertions.Expect(MapSection(page)).ToBeHiddenAsync();
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
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/portal/login?token={token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No appointments yet.")).ToBeVisibleAsync();
        await PortalPages.OpenSectionAsync(page, "Request service");
        await page.GetByLabel("What needs doing?").FillAsync("Hedge trimming at the back");
        await page.GetByLabel("Photos of the problem").SetInputFilesAsync(new FilePayload { Name = "hedge.png", MimeType = "image/png", Buffer = TestImages.Png() });
        var windows = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Arrival windows" });
        await Assertions.Expect(windows).ToContainTextAsync("08:00–12:00"); // mornings in the company's time, not the browser's (UTC here)
        var firstWindow = windows.GetByRole(AriaRole.Radio).First;
        await firstWindow.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your request is booked"); // back on the appointments
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

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 900)]
    public async Task TheMap_ShowsTheTechnicianAndTheAddressInsideIt_AndMovesTheTechnicianOnEachPosition(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (s, job, token) = await EnRouteAsync(app, "Sprinkler zone 3 is flooding");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);
        await PortalPages.SignInWithLinkAsync(page, token);
        await page.GotoAsync($"/portal/appointment/?id={job}");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("On the way");

        // From Matosinhos, 8 km from the customer's address: both on the map, inside its box.
        await PingAsync(s.Device, DispatchScenario.Matosinhos, DateTimeOffset.UtcNow.AddMinutes(-2));
        var map = page.GetByRole(AriaRole.Region, new() { Name = "Map of your technician on the way to your address" });
        await Assertions.Expect(TechnicianMarker(page)).ToHaveAttributeAsync("data-lat", Invariant(DispatchScenario.Matosinhos.Latitude));
        await WhatAPersonSees.AssertInsideAsync(TechnicianMarker(page), map, "the technician's marker");
        await WhatAPersonSees.AssertInsideAsync(map.GetByRole(AriaRole.Img, new() { Name = "Your address" }), map, "the customer's address");
        var before = (await TechnicianMarker(page).BoundingBoxAsync())!;
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "appointment-map");

        // Two minutes later, 2 km nearer: the same marker moves, and both stay in view.
        var nearer = (Latitude: 41.1700, Longitude: -8.6800);
        await PingAsync(s.Device, nearer, DateTimeOffset.UtcNow);
        await Assertions.Expect(TechnicianMarker(page)).ToHaveAttributeAsync("data-lat", Invariant(nearer.Latitude));
        await Assertions.Expect(TechnicianMarker(page)).ToHaveCountAsync(1);
        var after = (await TechnicianMarker(page).BoundingBoxAsync())!;
        Assert.True(Math.Abs(after.X - before.X) + Math.Abs(after.Y - before.Y) > 2, $"the marker stayed at ({before.X:0},{before.Y:0})");
        await WhatAPersonSees.AssertInsideAsync(TechnicianMarker(page), map, "the technician's marker after it moved");
        await WhatAPersonSees.AssertInsideAsync(map.GetByRole(AriaRole.Img, new() { Name = "Your address" }), map, "the customer's address after the technician moved");
        await WhatAPersonSees.ScreenshotAsync(page, "appointment-map-moved");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task InPortuguese_TheAppointmentAndItsMapSpeakPortuguese()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (s, job, token) = await EnRouteAsync(app, "A zona 3 da rega está inundada");
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844, locale: "pt-PT");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);
        await PortalPages.SignInWithLinkAsync(page, token, button: "Entrar", home: "As suas marcações");

        await page.Locator($"article.job[data-job='{job}']").GetByRole(AriaRole.Link, new() { Name = "Acompanhar esta marcação" }).ClickAsync();
        await Assertions.Expect(Fact(page, "Estado")).ToHaveTextAsync("A caminho");
        await PingAsync(s.Device, DispatchScenario.Matosinhos, DateTimeOffset.UtcNow);

        var map = page.GetByRole(AriaRole.Region, new() { Name = "Mapa do seu técnico a caminho da sua morada" });
        await Assertions.Expect(map.GetByRole(AriaRole.Img, new() { Name = "Posição do seu técnico" })).ToBeVisibleAsync();
        await Assertions.Expect(map.GetByRole(AriaRole.Img, new() { Name = "A sua morada" })).ToBeVisibleAsync();
        await Assertions.Expect(map.GetByRole(AriaRole.Button, new() { Name = "Aproximar" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ao vivo", new() { Exact = true })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "appointment-pt");
        Assert.Empty(problems.All);
    }

    /// <summary>A job whose technician (with a phone, <see cref="DocumentScenario.Device"/>) is on the way, and a sign-in link for its customer.</summary>
    private static async Task<(DocumentScenario Scenario, string Job, string Token)> EnRouteAsync(PortalFactory app, string description)
    {
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync(description);
        (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        var contact = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");
        return (s, job, await s.Customer.IssueTokenAsync(contact.Id));
    }

    private static async Task PingAsync(HttpClient device, (double Latitude, double Longitude) at, DateTimeOffset time) =>
        (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time, lat = at.Latitude, lon = at.Longitude } } })).EnsureSuccessStatusCode();

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One of the appointment's facts: the definition that follows its term ("Status", "Expected", "Technician").</summary>
    private static ILocator Fact(IPage page, string term) =>
        page.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{term}$") }).Locator("xpath=following-sibling::dd[1]");

    private static ILocator MapSection(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "On the way", Exact = true });

    private static ILocator TechnicianMarker(IPage page) => page.GetByRole(AriaRole.Img, new() { Name = "Your technician's position" });
}
