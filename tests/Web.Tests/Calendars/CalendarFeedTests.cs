using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using OrleansPortal.Web.Calendars;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Calendars;

/// <summary>
/// Calendar apps subscribe to a technician's schedule and a customer's appointments by a secret URL: what the feed
/// holds is what the board and the portal hold, and a replaced or revoked URL stops working at once.
/// </summary>
public sealed class CalendarFeedTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ATechniciansFeed_HoldsTheirJobs_AsCalendarEvents()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = await day.AddJobAsync("Check valves at the Smiths", Campanha, window: (1, 3));
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = job.Id, technicianId = tech })).EnsureSuccessStatusCode();

        var feed = await IssueAsync(day.Dispatcher, $"/api/v1/technicians/{tech}/calendar-feed");
        var calendar = await FetchAsync(feed.Url!);

        var visit = Assert.Single(calendar.Events);
        Assert.Equal("Check valves at the Smiths", visit.Summary);
        Assert.Equal($"{job.Id}@orleansportal", visit.Uid);
        Assert.True(visit.DtEnd!.AsUtc > visit.DtStart!.AsUtc);
        var board = await day.BoardAsync();
        var stop = board.Technicians.Single(t => t.Id == tech).Stops.Single();
        // Today's plan starts from now, so it moves by the seconds between the two reads.
        Assert.InRange((visit.DtStart.AsUtc - stop.PlannedArrival.UtcDateTime).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task IssuingAgain_ReplacesTheUrl_AndRevokingEndsIt()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var tech = await day.AddTechnicianAsync("Gil Gardener", [], Ribeira);
        var path = $"/api/v1/technicians/{tech}/calendar-feed";

        var first = await IssueAsync(day.Dispatcher, path);
        var second = await IssueAsync(day.Dispatcher, path);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(first.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync(second.Url)).StatusCode);
        var state = (await day.Dispatcher.GetFromJsonAsync<CalendarFeedDto>(path, ApiJson.Options))!;
        Assert.True(state.Active);
        Assert.Null(state.Url); // the secret is shown once, when issued

        (await day.Dispatcher.DeleteAsync(path)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(second.Url)).StatusCode);
        Assert.False((await day.Dispatcher.GetFromJsonAsync<CalendarFeedDto>(path, ApiJson.Options))!.Active);
    }

    [Fact]
    public async Task AWrongSecret_OrAnotherCompanysTechnician_IsNotFound()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var other = await CreateAsync(app, autoAssign: false, name: "Other Company");
        var tech = await day.AddTechnicianAsync("Gil Gardener", [], Ribeira);
        var feed = await IssueAsync(day.Dispatcher, $"/api/v1/technicians/{tech}/calendar-feed");
        var url = feed.Url!;
        var secret = url[(url.LastIndexOf('/') + 1)..^4];

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(url.Replace(secret, secret[..^2] + "xx"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(url.Replace(day.Company.TenantId, other.Company.TenantId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsync($"/api/v1/technicians/{tech}/calendar-feed", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync(url)).StatusCode); // the real one still works
    }

    [Fact]
    public async Task ACustomersFeed_HoldsTheirAppointments_AndOnlyTheirs()
    {
        var portal = await PortalJobsScenario.CreateAsync(app);
        var booked = await portal.BookAsync("Sprinklers do not start");
        var (_, neighboursHome, neighbour) = await PortalJobsScenario.AddCustomerAsync(portal.Day, "Neighbours");
        var offer = (await PortalJobsScenario.WindowsAsync(neighbour, neighboursHome.Id)).First(o => o.Available);
        var neighboursJob = await neighbour.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = neighboursHome.Id, description = "Neighbours' leak", windowStart = offer.Start });
        var neighboursJobId = (await neighboursJob.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<OrleansPortal.Web.Portal.Jobs.PortalJobDto>(ApiJson.Options))!.Id;

        var feed = await IssueAsync(portal.Owner, "/api/v1/portal/calendar-feed");
        var calendar = await FetchAsync(feed.Url!);

        var visit = Assert.Single(calendar.Events);
        Assert.Equal($"{booked.Id}@orleansportal", visit.Uid);
        Assert.Contains("Sprinklers do not start", visit.Summary);
        Assert.Equal(booked.ArrivalWindow!.Start.UtcDateTime, visit.DtStart!.AsUtc);
        Assert.DoesNotContain(calendar.Events, e => e.Uid == $"{neighboursJobId}@orleansportal");

        (await portal.Owner.DeleteAsync("/api/v1/portal/calendar-feed")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(feed.Url)).StatusCode);
    }

    private HttpClient Anonymous => app.CreateClient();

    private static async Task<CalendarFeedDto> IssueAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        response.EnsureSuccessStatusCode();
        var feed = (await response.Content.ReadFromJsonAsync<CalendarFeedDto>(ApiJson.Options))!;
        Assert.True(feed.Active);
        Assert.NotNull(feed.Url);
        return feed;
    }

    private async Task<Calendar> FetchAsync(string url)
    {
        var response = await Anonymous.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
