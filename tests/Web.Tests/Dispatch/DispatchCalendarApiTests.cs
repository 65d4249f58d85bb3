using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>GET /api/v1/dispatch/calendar: a span of days per technician (shifts, booked minutes, jobs), for the planning screen.</summary>
public sealed class DispatchCalendarApiTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static async Task<PlanningCalendar> CalendarAsync(DispatchScenario day, DateOnly from, DateOnly to) =>
        (await day.Dispatcher.GetFromJsonAsync<PlanningCalendar>($"/api/v1/dispatch/calendar?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", ApiJson.Options))!;

    [Fact]
    public async Task AWeek_ShowsEachJobOnItsTechniciansDay_WithShiftAndBookedMinutes()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var rui = await day.AddTechnicianAsync("Rui Roofer", ["irrigation"], Boavista);
        var valves = await day.AddJobAsync("Check valves", Campanha, minutes: 90, window: (1, 3), priority: "High");
        var pump = await day.AddJobAsync("Replace pump", Gaia, minutes: 120, window: (2, 5));
        var waiting = await day.AddJobAsync("Quote a new lawn", Matosinhos, minutes: 30, window: (3, 6));
        var today = (await day.BoardAsync()).Day;
        foreach (var job in new[] { valves.Id, pump.Id })
            (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = job, technicianId = gil })).EnsureSuccessStatusCode();

        var calendar = await CalendarAsync(day, today.AddDays(-1), today.AddDays(5));

        Assert.Equal((today.AddDays(-1), today.AddDays(5), today), (calendar.From, calendar.To, calendar.Today));
        var gilsDays = calendar.Technicians.Single(t => t.Id == gil).Days;
        Assert.Equal(7, gilsDays.Count);
        var gilToday = gilsDays.Single(d => d.Day == today);
        Assert.Equal(new[] { valves.Id, pump.Id }.Order(), gilToday.Jobs.Select(j => j.TicketId).Order());
        Assert.Equal(gilToday.Jobs.Select(j => j.Start).Order(), gilToday.Jobs.Select(j => j.Start)); // in route order
        var check = gilToday.Jobs.Single(j => j.TicketId == valves.Id);
        Assert.Equal(("Check valves", 90d, TicketStatus.Assigned, TicketPriority.High, gil), (check.Description, check.Minutes, check.Status, check.Priority, check.TechnicianId));
        Assert.NotNull(check.Start);
        Assert.Equal(210, gilToday.BookedMinutes);
        Assert.Equal(23 * 60 + 59, gilToday.ShiftMinutes); // the scenario's 00:00-23:59 every day
        Assert.All(gilsDays.Where(d => d.Day != today), d => Assert.Equal((0d, 0), (d.BookedMinutes, d.Jobs.Count)));
        Assert.All(calendar.Technicians.Single(t => t.Id == rui).Days, d => Assert.Empty(d.Jobs));
        var tray = Assert.Single(calendar.Unassigned);
        Assert.Equal((waiting.Id, today, (string?)null), (tray.TicketId, tray.Day, tray.TechnicianId));
    }

    [Theory]
    [InlineData("from=2026-12-10&to=2026-12-09", "to")] // backwards
    [InlineData("from=2026-12-01&to=2027-01-12", "to")] // 43 days
    [InlineData("from=2026-12-01", "to")]
    [InlineData("from=1/12/2026&to=2026-12-07", "from")]
    [InlineData("from=2026-12-01&to=9999-12-31", "to")] // outside the years the app accepts
    public async Task ASpanThatIsNotOneToFortyTwoDays_Is400_NamingTheField(string query, string field)
    {
        var day = await CreateAsync(app, autoAssign: false);

        await ValidationProblems.AssertNamesFieldAsync(await day.Dispatcher.GetAsync($"/api/v1/dispatch/calendar?{query}"), field);
    }

    [Fact]
    public async Task SixWeeks_AreAccepted()
    {
        var day = await CreateAsync(app, autoAssign: false);
        await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);

        var calendar = await CalendarAsync(day, new DateOnly(2026, 11, 30), new DateOnly(2027, 1, 10));

        Assert.Equal(42, Assert.Single(calendar.Technicians).Days.Count);
    }

    [Fact]
    public async Task AnotherCompany_SeesNoneOfTheTechniciansOrJobs_AndStrangersAreTurnedAway()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = await day.AddJobAsync("Check valves", Campanha, window: (1, 3));
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = job.Id, technicianId = gil })).EnsureSuccessStatusCode();
        var other = await CreateAsync(app, autoAssign: false, name: "Other Co");
        var olga = await other.AddTechnicianAsync("Olga Other", ["irrigation"], Ribeira);
        var today = (await day.BoardAsync()).Day;

        var theirs = await CalendarAsync(other, today.AddDays(-3), today.AddDays(3));

        Assert.Equal([olga], theirs.Technicians.Select(t => t.Id));
        Assert.DoesNotContain(theirs.Technicians.SelectMany(t => t.Days).SelectMany(d => d.Jobs), j => j.TicketId == job.Id);
        Assert.Empty(theirs.Unassigned);
        Assert.Contains((await CalendarAsync(day, today, today)).Technicians.Single(t => t.Id == gil).Days.Single().Jobs, j => j.TicketId == job.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/dispatch/calendar?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).StatusCode);
    }
}
