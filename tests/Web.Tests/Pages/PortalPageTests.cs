using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Portal.Jobs;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>The customer portal in Chromium: sign-in by email link, its sections and their bar, the properties, the preferences, moving and cancelling an appointment.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalPageTests(BrowserFixture browser, MailServer smtp) : IClassFixture<MailServer>
{
    public static TheoryData<int, int> Sizes => new() { { 390, 844 }, { 1440, 900 } };

    [Fact]
    public async Task ContactAsksForALink_OpensItFromTheMail_AndSeesTheirProperty()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var property = await customer.AddPropertyAsync("Beach house", "Avenida do Brasil 100, Porto");
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/properties/{property.Id}/timeline", new { kind = "visit", text = "Spring start-up done." })).EnsureSuccessStatusCode();
        // A job with a long description and a conversation about it: thread titles and descriptions are what once made
        // the home wider than a phone (558 px, and 889 px after one long request, at 390 px).
        var job = await customer.AddJobAsync(property.Id, LongDescription);
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/conversations/{ChatScenario.Job(job)}/messages", new { text = "We will look at the whole east side." })).EnsureSuccessStatusCode();
        var email = $"maria-{Guid.NewGuid():N}@example.com";
        await customer.AddContactAsync(email);
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me"); // asked first, answered 401 until signed in

        await page.GotoAsync("/portal/");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Check your email.")).ToBeVisibleAsync();

        var mail = await smtp.WaitForSignInMailAsync(email);
        await page.GotoAsync(mail.Links[0].PathAndQuery); // the mail's host is the configured public address
        Assert.DoesNotContain("token", page.Url); // out of the address bar and history once read
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator($"article.job[data-job='{job}']")).ToContainTextAsync("The drip line along the whole east side");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await PortalPages.OpenSectionAsync(page, "Properties", "Your properties");
        var card = page.Locator("article.property");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Beach house" })).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Avenida do Brasil 100, Porto");
        await Assertions.Expect(card).ToContainTextAsync("Rain Bird ESP-TM2");
        await Assertions.Expect(card).ToContainTextAsync("Spring start-up done.");
        await PortalPages.OpenSectionAsync(page, "Messages");
        await Assertions.Expect(Conversations(page).GetByRole(AriaRole.Button, new() { Name = "The drip line along" })).ToBeVisibleAsync(); // the job's thread is listed
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await BrowserFixture.SaveScreenshotAsync(page, "portal-home");

        await PortalPages.SignOutAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task EverySection_OpensFromTheBar_AndFitsTheScreen(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync(LongDescription);
        (await s.Dispatcher.PostAsJsonAsync($"/api/v1/conversations/{ChatScenario.Job(job)}/messages", new { text = "We will look at the whole east side." })).EnsureSuccessStatusCode();
        await s.CreateEstimateAsync(title: "New irrigation controller");
        await s.IssueInvoiceAsync();
        var contact = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/me"); // 401 once signed out, at the end

        await PortalPages.SignInWithLinkAsync(page, await s.Customer.IssueTokenAsync(contact.Id));
        var nav = PortalPages.Navigation(page);
        var menu = nav.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        Assert.Equal(width < 720, await menu.IsVisibleAsync()); // folded on a phone, one row on a desk
        foreach (var (link, heading) in new[] { ("Appointments", "Your appointments"), ("Request service", "Request service"), ("Documents", "Documents"), ("Messages", "Messages"), ("Properties", "Your properties"), ("Notifications", "Notifications") })
        {
            await PortalPages.OpenSectionAsync(page, link, heading);
            Assert.EndsWith("#" + (link == "Request service" ? "request" : link.ToLowerInvariant()), page.Url); // every section has its own address
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, IncludeHidden = true })).ToHaveAttributeAsync("aria-current", "page");
            await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
            await WhatAPersonSees.AssertAccessibleAsync(page);
            await WhatAPersonSees.ScreenshotAsync(page, $"portal-{link.Replace(' ', '-').ToLowerInvariant()}");
        }

        // What each section is for, inside its box at this size.
        await PortalPages.OpenSectionAsync(page, "Appointments", "Your appointments");
        var card = page.Locator($"article.job[data-job='{job}']");
        await WhatAPersonSees.AssertInsideAsync(card.GetByRole(AriaRole.Link, new() { Name = "Follow this appointment" }), card, "the Follow link");
        await WhatAPersonSees.AssertInsideAsync(card.GetByRole(AriaRole.Heading), card, "the job's description");
        await PortalPages.OpenSectionAsync(page, "Messages");
        await Conversations(page).GetByRole(AriaRole.Button, new() { Name = "The drip line along" }).ClickAsync();
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Messages" });
        await Assertions.Expect(section.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("We will look at the whole east side.");
        await WhatAPersonSees.AssertInsideAsync(section.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }), section, "the Send button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-thread");
        await PortalPages.OpenSectionAsync(page, "Documents");
        var invoice = page.Locator("details.invoice");
        await invoice.Locator("summary").ClickAsync();
        // One date format: the due date (a day) is written like the issue date (an instant), never as 2026-12-31.
        await Assertions.Expect(invoice).ToContainTextAsync(new Regex(@"Due \w{3}, \w{3} \d{1,2}(, \d{4})?\. Issued \w{3}, \w{3} \d{1,2}(, \d{4})?\."));
        await Assertions.Expect(invoice).Not.ToContainTextAsync("2026-12-31");
        await PortalPages.OpenSectionAsync(page, "Request service");
        foreach (var field in new[] { "Property", "Service" })
        {
            var box = await page.GetByLabel(field, new() { Exact = true }).BoundingBoxAsync();
            Assert.True(box!.Height >= 40, $"the {field} select is {box.Height} px tall");
        }

        await PortalPages.SignOutAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task TheSectionBar_WorksByKeyboard_AndTakesFocusToTheSection()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        await PortalPages.SignInWithLinkAsync(page, await customer.IssueTokenAsync(contact.Id));

        var menu = PortalPages.Navigation(page).GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Tab"); // Appointments
        await page.Keyboard.PressAsync("Tab"); // Request service
        await page.Keyboard.PressAsync("Enter");

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Request service", Level = 2 });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false"); // the folded bar closes behind the choice
        await page.GoBackAsync(); // the browser's back button goes back a section
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your appointments" })).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task AComingAppointment_IsMoved_PutInACalendar_AndCancelled(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (portal, job, token) = await BookedAsync(app, "Hedge trimming at the back");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);
        await PortalPages.SignInWithLinkAsync(page, token);
        var card = page.Locator($"article.job[data-job='{job.Id}']");
        foreach (var button in new[] { "Add to calendar", "Reschedule", "Cancel appointment" })
            await WhatAPersonSees.AssertInsideAsync(card.GetByRole(AriaRole.Button, new() { Name = button }), card, $"the {button} button");
        var buttonBox = await card.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).BoundingBoxAsync();
        Assert.True(buttonBox!.Height >= 40, $"the Reschedule button is {buttonBox.Height} px tall");

        // Reschedule: the windows on offer for this job, minus the one it has.
        await card.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Move your appointment" });
        var windows = dialog.GetByRole(AriaRole.Radiogroup, new() { Name = "Arrival windows" });
        await Assertions.Expect(windows.GetByRole(AriaRole.Radio).First).ToBeVisibleAsync();
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-reschedule");
        var target = DateTimeOffset.Parse((await windows.GetByRole(AriaRole.Radio).Nth(1).GetAttributeAsync("value"))!, CultureInfo.InvariantCulture);
        await windows.GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move it" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your appointment is moved to");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(target, (await portal.JobAsync(job.Id)).ArrivalWindow!.Start);

        // Add to calendar: one event, at the new window, made in the browser.
        var download = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Button, new() { Name = "Add to calendar" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename);
        var ics = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Single(Regex.Matches(ics, "BEGIN:VEVENT"));
        Assert.Contains($"DTSTART:{target.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics);
        Assert.Contains("SUMMARY:Acme Irrigation: Hedge trimming at the back\r\n", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"an unfolded line: {line}"));

        // Cancel: asked first; "Keep it" changes nothing, "Yes, cancel it" does.
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this appointment?" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        Assert.NotEqual("Cancelled", (await portal.JobAsync(job.Id)).Status);
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await confirm.GetByLabel("Reason (optional)").FillAsync("We will be away");
        await WhatAPersonSees.AssertInsideAsync(confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }), confirm, "the confirming button");
        await WhatAPersonSees.ScreenshotAsync(page, "portal-cancel");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your appointment is cancelled.");
        await Assertions.Expect(card).ToContainTextAsync("Cancelled");
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0); // nothing left to do with it
        Assert.Equal("Cancelled", (await portal.Day.TicketAsync(job.Id)).Status);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        Assert.Empty(problems.All);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task TheContact_SubscribesTheirCalendarToTheirAppointments_AndTurnsItOff(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (_, _, token) = await BookedAsync(app, "Service the boiler");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);
        await PortalPages.SignInWithLinkAsync(page, token);
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Calendar subscription" });
        await Assertions.Expect(panel).ToContainTextAsync("Off: your appointments are not in any calendar app.");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Issue a feed address" }).ClickAsync();
        var url = panel.GetByLabel("Subscribe to this address in a calendar app");
        await Assertions.Expect(url).ToHaveValueAsync(new Regex(@"\.ics$"));
        await WhatAPersonSees.AssertInsideAsync(url, panel, "the feed's address");
        await WhatAPersonSees.AssertInsideAsync(panel.GetByRole(AriaRole.Button, new() { Name = "Turn off" }), panel, "the Turn off button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-calendar-feed");

        // What a calendar app would fetch: the appointment, without signing in.
        using var calendarApp = new HttpClient();
        var feedUrl = await url.InputValueAsync();
        var ics = await calendarApp.GetStringAsync(feedUrl);
        Assert.Contains("SUMMARY:Acme Irrigation: Service the boiler", ics);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("Off: your appointments are not in any calendar app.");
        await Assertions.Expect(url).ToHaveCountAsync(0);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await calendarApp.GetAsync(feedUrl)).StatusCode);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task InPortuguese_ThePortalSpeaksPortuguese_AndWritesDatesThePortugueseWay()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var (portal, job, token) = await BookedAsync(app, "Podar a sebe");
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844, locale: "pt-PT");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await PortalPages.SignInWithLinkAsync(page, token, button: "Entrar", home: "As suas marcações");
        Assert.Equal("pt", await page.EvaluateAsync<string>("document.documentElement.lang"));
        var card = page.Locator($"article.job[data-job='{job.Id}']");
        await Assertions.Expect(card).ToContainTextAsync(new Regex("Marcado|Técnico atribuído"));
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Acompanhar esta marcação" })).ToBeVisibleAsync();
        // "dom., 6/12, 08:00–12:00": Portuguese words, the company's 24-hour clock.
        var window = job.ArrivalWindow!.Start.ToOffset(TimeZoneInfo.FindSystemTimeZoneById(portal.Day.TimeZone).GetUtcOffset(job.ArrivalWindow.Start));
        await Assertions.Expect(card.Locator("time")).ToContainTextAsync($"{window:HH:mm}–");
        await Assertions.Expect(card.Locator("time")).ToContainTextAsync(new Regex("(seg|ter|qua|qui|sex|sáb|dom)"));

        await card.GetByRole(AriaRole.Button, new() { Name = "Remarcar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Remarcar a sua marcação" }).GetByRole(AriaRole.Radiogroup, new() { Name = "Horários de chegada" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await PortalPages.OpenSectionAsync(page, "Pedir serviço", menu: "Menu");
        await Assertions.Expect(page.GetByLabel("O que é preciso fazer?")).ToBeVisibleAsync();
        await PortalPages.OpenSectionAsync(page, "Notificações");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Guardar preferências" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-pt");

        await page.GetByLabel("Idioma").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" })).ToBeVisibleAsync();
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task RightToLeft_ThePortalStillFits()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var property = await customer.AddPropertyAsync();
        await customer.AddJobAsync(property.Id, LongDescription);
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        await PortalPages.SignInWithLinkAsync(page, await customer.IssueTokenAsync(contact.Id));

        await page.GotoAsync("/portal/?dir=rtl#appointments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your appointments" })).ToBeVisibleAsync();
        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        var nav = PortalPages.Navigation(page);
        await WhatAPersonSees.AssertInsideAsync(nav.GetByRole(AriaRole.Button, new() { Name = "Menu" }), nav, "the Menu button");
        await PortalPages.OpenSectionAsync(page, "Request service");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-rtl");
    }

    [Fact]
    public async Task UsedLink_SaysSo_AndOffersANewOne()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");
        var token = await customer.IssueTokenAsync(contact.Id);
        await PortalSession.SignInAsync(app, token); // used elsewhere first
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/portal/login?token={token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used or has expired");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "portal-link-used");
    }

    [Fact]
    public async Task PreferencesForm_SavesWhatTheContactChose_AndExplainsWhatItRefuses()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page, "/api/v1/portal/preferences"); // the refused save below
        await PortalPages.SignInWithLinkAsync(page, await customer.IssueTokenAsync(contact.Id));
        await PortalPages.OpenSectionAsync(page, "Notifications");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Notifications" });

        await page.GetByLabel("Offers and news by email").CheckAsync();
        await page.GetByLabel("Appointments by SMS").UncheckAsync();
        await page.GetByLabel("Do not disturb me at night").CheckAsync();
        await page.GetByLabel("From").FillAsync("21:00");
        await page.GetByLabel("Until").FillAsync("06:30");
        await page.GetByLabel("Time zone").FillAsync("Europe/Lisbon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        await page.ReloadAsync(); // the address keeps the section
        await Assertions.Expect(page.GetByLabel("Offers and news by email")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Appointments by SMS")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Appointments by email")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("From")).ToHaveValueAsync("21:00");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Lisbon");

        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("IANA name");
        await BrowserFixture.SaveScreenshotAsync(page, "portal-preferences");

        var saved = await (await customer.SignInAsync(contact.Id)).GetFromJsonAsync<PreferencesDto>("/api/v1/portal/preferences", ApiJson.Options);
        Assert.Equal(new QuietHoursDto("21:00", "06:30", "Europe/Lisbon"), saved!.QuietHours);
        Assert.Empty(problems.All);
    }

    /// <summary>A booked appointment the customer may still move or cancel (a cut-off of one hour), and a sign-in link for them.</summary>
    private static async Task<(PortalJobsScenario Portal, PortalJobDto Job, string Token)> BookedAsync(PortalFactory app, string description)
    {
        var portal = await PortalJobsScenario.CreateAsync(app);
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", BookingRules.Default with { ChangeCutoffHours = 1 })).EnsureSuccessStatusCode();
        var job = await portal.BookAsync(description);
        var contact = await portal.Customer.AddContactAsync($"ana-{Guid.NewGuid():N}@example.com");
        return (portal, job, await portal.Customer.IssueTokenAsync(contact.Id));
    }

    private const string LongDescription =
        "The drip line along the whole east side of the garden has been leaking since the storm, near the lemon trees and the pergola: https://photos.example.com/albums/garden-east-side-leak-2026-12-06";

    private static ILocator Conversations(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Conversations" });
}
