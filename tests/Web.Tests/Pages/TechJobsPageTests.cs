using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The "Today" list on /tech: a technician works their day from the phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TechJobsPageTests(BrowserFixture browser)
{
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(
        Uri address, string token, (double Latitude, double Longitude) at, int width = 390, int height = 844, string? locale = null, string? zone = null, string query = "")
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            Geolocation = new() { Latitude = (float)at.Latitude, Longitude = (float)at.Longitude, Accuracy = 10 },
            Permissions = ["geolocation"],
            ViewportSize = new() { Width = width, Height = height }, // a phone unless a test says otherwise
            Locale = locale,
            TimezoneId = zone, // the phone is where the company works: its clock shows the company's times
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/tech/?token={token}{query}");
        return (context, page);
    }

    /// <summary>A company where it is about noon, with one technician working all day and a device token for them.</summary>
    private static async Task<(DispatchScenario Day, string Technician, string Token)> TechnicianAsync(PortalFactory app)
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var token = (await day.Company.IssueTokenAsync(technician)).Token;
        return (day, technician, token);
    }

    /// <summary>The technician's day with two jobs on the route: "Fix the pump" in the next hour, then "Check valves".</summary>
    private static async Task<(DispatchScenario Day, string Token, TicketDto Morning, TicketDto Afternoon)> MorningAndAfternoonAsync(PortalFactory app)
    {
        var (day, _, token) = await TechnicianAsync(app);
        var morning = await day.AddJobAsync("Fix the pump", Campanha, minutes: 45, window: (1, 2));
        var afternoon = await day.AddJobAsync("Check valves", Boavista, minutes: 30, window: (3, 4));
        await WaitForRouteAsync(app, token, 2);
        return (day, token, morning, afternoon);
    }

    private static async Task WaitForRouteAsync(PortalFactory app, string token, int jobs)
    {
        var device = app.CreateClient();
        device.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Eventually.TrueAsync(async () => (await device.GetFromJsonAsync<JsonElement>("/api/v1/device/jobs")).GetArrayLength() == jobs, $"{jobs} jobs are on the route");
    }

    private static ILocator Job(IPage page, string ticketId) => page.Locator($"#jobs > li[data-ticket='{ticketId}']");

    private static ILocator Step(ILocator job, string name) => job.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task ATechnician_SeesTodaysJobsInRouteOrder_AndWorksTheFirstOneFromThePhone()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, technician, token) = await TechnicianAsync(app);
        var afternoon = await day.AddJobAsync("Check valves", Boavista, minutes: 30, window: (3, 4));
        var morning = await day.AddJobAsync("Fix the pump", Campanha, minutes: 45, window: (1, 2));
        await WaitForRouteAsync(app, token, 2);
        var (context, page) = await OpenAsync(address, token, Campanha);
        await using var _ = context;
        var problems = new PageProblems(page);

        var jobs = page.Locator("#jobs > li");
        await Assertions.Expect(jobs).ToHaveCountAsync(2);
        Assert.Equal([morning.Id, afternoon.Id], await jobs.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.ticket)"));
        var first = Job(page, morning.Id);
        await Assertions.Expect(first).ToHaveClassAsync(NextJob());
        await Assertions.Expect(Job(page, afternoon.Id)).Not.ToHaveClassAsync(NextJob());
        await Assertions.Expect(first.Locator(".eta")).ToHaveTextAsync(EtaText());
        await Assertions.Expect(Job(page, afternoon.Id).Locator(".eta")).ToHaveTextAsync(EtaText());
        await Assertions.Expect(first).ToContainTextAsync("Fix the pump street");
        var at = string.Create(CultureInfo.InvariantCulture, $"{Campanha.Latitude},{Campanha.Longitude}");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "Navigate" })).ToHaveAttributeAsync("href", $"geo:{at}?q={at}(Fix%20the%20pump%20street)");
        await Assertions.Expect(Step(first, "Arrived")).ToBeDisabledAsync();
        await Assertions.Expect(Step(first, "Done")).ToBeDisabledAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "tech-today");

        await Step(first, "On my way").ClickAsync();
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(Step(first, "On my way")).ToBeDisabledAsync();
        await Step(first, "Arrived").ClickAsync();
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("On site");
        await Step(first, "Done").ClickAsync();

        await Assertions.Expect(jobs).ToHaveCountAsync(1); // finished work leaves the list; the next job moves up
        await Assertions.Expect(Job(page, afternoon.Id)).ToHaveClassAsync(NextJob());
        var done = await day.TicketAsync(morning.Id);
        Assert.Equal("Completed", done.Status);
        Assert.Equal(["EnRoute", "OnSite", "Completed"], done.Audit.TakeLast(3).Select(a => a.To));
        Assert.All(done.Audit.TakeLast(3), a => Assert.Equal($"technician:{technician}", a.Actor));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ArrivingFarFromTheJob_AsksForAReason_AndChecksInWithIt()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, _, token) = await TechnicianAsync(app);
        var job = await day.AddJobAsync("Fix the pump", Campanha, window: (1, 2));
        await WaitForRouteAsync(app, token, 1);
        var (context, page) = await OpenAsync(address, token, (Campanha.Latitude + 0.01, Campanha.Longitude)); // about 1.1 km north
        await using var _ = context;
        var problems = new PageProblems(page, "/api/v1/device/check-in");
        var item = Job(page, job.Id);

        await Step(item, "On my way").ClickAsync();
        await Step(item, "Arrived").ClickAsync();
        await Assertions.Expect(item.Locator("form.reason")).ToContainTextAsync("m from the job");
        await item.GetByLabel("Why are you checking in from here?").FillAsync("the gate is on the next street");
        await Step(item, "Check in").ClickAsync();

        await Assertions.Expect(item.Locator(".status")).ToHaveTextAsync("On site");
        await Assertions.Expect(item.Locator("form.reason")).ToHaveCountAsync(0);
        var onSite = await day.TicketAsync(job.Id);
        Assert.Equal(("OnSite", "the gate is on the next street"), (onSite.Status, onSite.Audit[^1].Reason));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task ALateJob_SaysHowLateInRed_AndARefusalShowsTheServersReason()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (context, page) = await OpenAsync(address, "any-token", Campanha);
        await using var _ = context;
        var now = DateTimeOffset.UtcNow;
        // The list as the API would send it for a job running late: this test is about how the page shows it.
        var late = new
        {
            ticketId = "0123456789abcdef0123456789abcdef", description = "Fix the pump", address = "Rua das Flores 1",
            location = new { latitude = Campanha.Latitude, longitude = Campanha.Longitude },
            arrivalWindow = new { start = now.AddHours(-2), end = now.AddHours(-1) }, status = "Assigned",
            plannedArrival = now.AddHours(-2), eta = now.AddMinutes(10), minutesLate = 70.4, estimatedMinutes = 60, priority = "Routine",
            allowedStatuses = new[] { "EnRoute" },
        };
        // The page reloads the list after every step; the refusal must outlive that reload, so the test waits for it.
        var refused = false;
        var reloadedAfterRefusal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/v1/device/jobs", async route =>
        {
            await route.FulfillAsync(new() { Json = new[] { late } });
            if (Volatile.Read(ref refused)) reloadedAfterRefusal.TrySetResult();
        });
        await page.RouteAsync("**/api/v1/device/jobs/*/status", route =>
        {
            Volatile.Write(ref refused, true);
            return route.FulfillAsync(new()
            {
                Status = 409, ContentType = "application/problem+json",
                Body = """{"title":"That status change is not allowed.","status":409,"detail":"A ticket that is OnHold cannot become EnRoute."}""",
            });
        });
        await page.ReloadAsync();
        var item = page.Locator("#jobs > li");

        await Assertions.Expect(item.Locator(".late")).ToHaveTextAsync("70 min late");
        Assert.Equal("rgb(207, 34, 46)", await item.Locator(".late").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Step(item, "On my way").ClickAsync();
        await reloadedAfterRefusal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("#jobs-error")).ToHaveTextAsync("A ticket that is OnHold cannot become EnRoute.");
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheDay_FitsTheScreen_WithEveryStepWhollyInsideItsCard(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, token, morning, afternoon) = await MorningAndAfternoonAsync(app);
        var (context, page) = await OpenAsync(address, token, Campanha, width, height, zone: day.TimeZone);
        await using var _ = context;
        var problems = new PageProblems(page);

        await Assertions.Expect(page.Locator("#jobs > li")).ToHaveCountAsync(2);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        foreach (var id in new[] { morning.Id, afternoon.Id })
        {
            var job = Job(page, id);
            await WhatAPersonSees.AssertInsideAsync(job.GetByRole(AriaRole.Button), job, $"the steps of {id}");
            await WhatAPersonSees.AssertInsideAsync(job.GetByRole(AriaRole.Link), job, $"the navigation links of {id}");
            await AssertWhollyInsideAsync(job, $"job {id} at {width} px");
        }
        await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Start tracking" }), page.Locator("main"), "Start tracking");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech-today");

        await Step(Job(page, morning.Id), "On my way").ClickAsync();
        await Step(Job(page, morning.Id), "Arrived").ClickAsync();
        await Assertions.Expect(Job(page, morning.Id).Locator(".status")).ToHaveTextAsync("On site");
        await AssertWhollyInsideAsync(Job(page, morning.Id), $"job {morning.Id} on site at {width} px");
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheCard_ShowsWhoToCallAndHowToGetIn_AndTheJobsPhotosAsThumbnails(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, _, token) = await TechnicianAsync(app);
        var site = await day.Company.SiteAsync(); // "Walk-in customers", whose "Home" has the access notes "Gate code 1234"
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{site.CustomerId}/contacts",
            new { name = "Maria Owner", email = DocumentScenario.UniqueEmail(), phone = "+351 912 345 678", role = "Owner", grantedPropertyIds = Array.Empty<string>() })).EnsureSuccessStatusCode();
        var job = await day.AddJobAsync("Fix the pump", Campanha, window: (1, 2));
        await WaitForRouteAsync(app, token, 1);
        (await DocumentScenario.PostPhotoAsync(day.Device(token), $"/api/v1/device/jobs/{job.Id}/photos", TestImages.Jpeg(1200, 800), "meter.jpg", "image/jpeg")).EnsureSuccessStatusCode();
        var (context, page) = await OpenAsync(address, token, Campanha, width, height);
        await using var _ = context;
        var problems = new PageProblems(page);
        var card = Job(page, job.Id);

        await Assertions.Expect(card).ToContainTextAsync("Walk-in customers · Maria Owner");
        await Assertions.Expect(card).ToContainTextAsync("Home");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call +351912345678" })).ToHaveAttributeAsync("href", "tel:+351912345678");
        await Assertions.Expect(card).ToContainTextAsync("Gate code 1234");

        await page.GetByLabel("Photo (JPEG, PNG or WebP, up to 8 MB)").SetInputFilesAsync(new FilePayload { Name = "valve.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 800) });
        await page.GetByLabel("Caption").FillAsync("Broken valve box");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Photo added.");

        var photos = page.GetByRole(AriaRole.List, new() { Name = "Photos" });
        var valve = photos.GetByRole(AriaRole.Img, new() { Name = "Broken valve box" });
        var meter = photos.GetByRole(AriaRole.Img, new() { NameRegex = UncaptionedPhoto() }); // no caption: when it was taken
        foreach (var photo in new[] { valve, meter })
        {
            await Assertions.Expect(photo).ToBeVisibleAsync();
            // The job list's small copy (320 px wide at most) once the list has the photo, not the 1200 px original.
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0 && img.naturalWidth <= 320", await photo.ElementHandleAsync());
            Assert.True((await photo.BoundingBoxAsync())!.Width <= 200, "shown as a thumbnail");
        }
        Assert.DoesNotContain("thumbnail=true", await photos.GetByRole(AriaRole.Link, new() { Name = "Broken valve box" }).GetAttributeAsync("href")); // a tap opens it whole

        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(card.GetByRole(AriaRole.Link), card, "the card's call and navigation links");
        await AssertWhollyInsideAsync(card, $"the job at {width} px");
        await WhatAPersonSees.AssertInsideAsync(photos.GetByRole(AriaRole.Img), page.Locator("section.notes"), "the thumbnails");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech-card");
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task OnMyWayOutOfOrder_NamesTheJobsItMakesLate_AndStartsOnlyWhenConfirmed(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, _, token) = await TechnicianAsync(app);
        var campanha = await day.AddJobAsync("Campanha pump", Campanha, minutes: 30, window: (1, 2));
        var boavista = await day.AddJobAsync("Boavista valves", Boavista, minutes: 30, window: (2, 3));
        var matosinhos = await day.AddJobAsync("Matosinhos lawn", Matosinhos, minutes: 30, window: (5, 6));
        await WaitForRouteAsync(app, token, 3);
        var (context, page) = await OpenAsync(address, token, Ribeira, width, height);
        await using var _ = context;
        var problems = new PageProblems(page, "/status"); // the warning is a 409
        var sent = new ConcurrentQueue<string>();
        page.Request += (_, request) => { if (request.Url.EndsWith("/status", StringComparison.Ordinal)) sent.Enqueue(request.PostData ?? ""); };
        var last = Job(page, matosinhos.Id);
        var question = page.GetByRole(AriaRole.Dialog, new() { Name = "This is not your next job" });

        // Matosinhos's window opens in 5 hours: started first, the two others are hours late.
        await Step(last, "On my way").ClickAsync();
        await Assertions.Expect(question).ToBeVisibleAsync();
        await Assertions.Expect(question).ToContainTextAsync("Matosinhos lawn");
        await Assertions.Expect(question.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        foreach (var late in new[] { "Campanha pump", "Boavista valves" })
            await Assertions.Expect(question.GetByRole(AriaRole.Listitem).Filter(new() { HasTextRegex = LateBy(late) })).ToHaveCountAsync(1);
        await Assertions.Expect(question.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync(); // the safe answer first
        await WhatAPersonSees.AssertInsideAsync(question.GetByRole(AriaRole.Button), question, "the dialog's answers");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech-out-of-order");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(question).ToBeHiddenAsync();
        await Assertions.Expect(last.Locator(".status")).ToHaveTextAsync("Assigned");
        Assert.Equal("Assigned", (await day.TicketAsync(matosinhos.Id)).Status);

        await Step(last, "On my way").ClickAsync();
        await Assertions.Expect(question).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(question.GetByRole(AriaRole.Button, new() { Name = "Start anyway" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(question).ToBeHiddenAsync();
        await Assertions.Expect(last.Locator(".status")).ToHaveTextAsync("On the way");
        Assert.Equal(("EnRoute", "Assigned", "Assigned"), ((await day.TicketAsync(matosinhos.Id)).Status, (await day.TicketAsync(campanha.Id)).Status, (await day.TicketAsync(boavista.Id)).Status));
        var bodies = sent.Select(b => JsonDocument.Parse(b).RootElement).ToArray();
        Assert.Equal([false, false, true], bodies.Select(b => b.GetProperty("confirmOutOfOrder").GetBoolean()));
        Assert.All(bodies, b => Assert.Equal("EnRoute", b.GetProperty("status").GetString()));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task OnMyWayOutOfOrder_ThatMakesNobodyLate_StartsWithoutAQuestion()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, _, token) = await TechnicianAsync(app);
        await day.AddJobAsync("Fix the pump", Campanha, minutes: 30); // no windows: nobody can be late
        await day.AddJobAsync("Check valves", Boavista, minutes: 30);
        await WaitForRouteAsync(app, token, 2);
        var (context, page) = await OpenAsync(address, token, Ribeira);
        await using var _ = context;
        var problems = new PageProblems(page);
        var second = page.Locator("#jobs > li").Nth(1);
        var secondId = await second.GetAttributeAsync("data-ticket");

        await Step(second, "On my way").ClickAsync();

        await Assertions.Expect(Job(page, secondId!).Locator(".status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal("EnRoute", (await day.TicketAsync(secondId!)).Status);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task InPortuguese_TheDayReadsInPortuguese_AndItsStepsStillFitAPhone()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (day, token, morning, _) = await MorningAndAfternoonAsync(app);
        var (context, page) = await OpenAsync(address, token, Campanha, locale: "pt-PT", zone: day.TimeZone);
        await using var _ = context;
        var problems = new PageProblems(page);
        var first = Job(page, morning.Id);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hoje" })).ToBeVisibleAsync();
        Assert.Equal("pt", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("Hoje · OrleansPortal", await page.TitleAsync());
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("Atribuído");
        await Assertions.Expect(first).ToContainTextAsync("Seguinte");
        await Assertions.Expect(first.Locator(".eta")).ToHaveTextAsync(new Regex(@"^Chegada prevista \d{2}:\d{2}$"));
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "Navegar" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Começar a partilhar" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Trabalho", new() { Exact = true })).ToHaveValueAsync(morning.Id);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await AssertWhollyInsideAsync(first, "the first job in Portuguese");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech-today-pt");

        await Step(first, "A caminho").ClickAsync();
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("A caminho");
        await Step(first, "Cheguei").ClickAsync();
        await Assertions.Expect(first.Locator(".status")).ToHaveTextAsync("No local");
        Assert.Equal("OnSite", (await day.TicketAsync(morning.Id)).Status);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task RightToLeft_TheDayStillFitsAPhone()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (_, token, morning, _) = await MorningAndAfternoonAsync(app);
        var (context, page) = await OpenAsync(address, token, Campanha, query: "&dir=rtl");
        await using var _ = context;

        await Assertions.Expect(page.Locator("#jobs > li")).ToHaveCountAsync(2);
        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        Assert.DoesNotContain(token, page.Url); // the token leaves the address bar, the other parameters stay
        Assert.Contains("dir=rtl", page.Url);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await AssertWhollyInsideAsync(Job(page, morning.Id), "the first job right to left");
    }

    /// <summary>
    /// Every button and link of a job's card lies wholly inside the card and the viewport, is tall enough for a thumb,
    /// and its label fits inside it: nothing cut off ("On my way" was clipped at 390 px).
    /// </summary>
    private static async Task AssertWhollyInsideAsync(ILocator card, string what)
    {
        var box = await card.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what}: the card is not shown");
        var viewport = card.Page.ViewportSize!;
        var controls = card.Locator("button, a");
        var count = await controls.CountAsync();
        Assert.True(count >= 3, $"{what}: only {count} buttons and links");
        for (var i = 0; i < count; i++)
        {
            var control = controls.Nth(i);
            var name = await control.InnerTextAsync();
            var at = await control.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what}: \"{name}\" is not shown");
            Assert.True(at.X >= box.X - 0.5 && at.X + at.Width <= box.X + box.Width + 0.5 && at.Y >= box.Y - 0.5 && at.Y + at.Height <= box.Y + box.Height + 0.5,
                $"{what}: \"{name}\" ({at.X:0},{at.Y:0} {at.Width:0}x{at.Height:0}) reaches out of its card ({box.X:0},{box.Y:0} {box.Width:0}x{box.Height:0})");
            Assert.True(at.X >= 0 && at.X + at.Width <= viewport.Width + 0.5, $"{what}: \"{name}\" is cut off by the {viewport.Width} px viewport");
            Assert.True(at.Height >= 40, $"{what}: \"{name}\" is {at.Height:0} px tall, too small for a thumb");
            Assert.False(await control.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1"),
                $"{what}: the label \"{name}\" does not fit its {at.Width:0} px button");
        }
    }

    /// <summary>The name of the photo without a caption: "Photo from" when it was taken, on the phone's clock.</summary>
    [GeneratedRegex(@"^Photo from (.+, )?\d{2}:\d{2}$")]
    private static partial Regex UncaptionedPhoto();

    /// <summary>A line of the out-of-order question: the job, how much later it would be, how late in all.</summary>
    private static Regex LateBy(string job) => new($"^{Regex.Escape(job)}: \\d+ min later, \\d+ min late$");

    [GeneratedRegex(@"\bnext\b")]
    private static partial Regex NextJob();

    // A time, with its date when it is not today in the phone's zone: jobs hours ahead cross midnight when the tests run late.
    [GeneratedRegex(@"^ETA (.+, )?\d{1,2}:\d{2}")]
    private static partial Regex EtaText();
}
