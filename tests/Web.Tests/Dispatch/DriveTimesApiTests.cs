using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Routing.TravelModels;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>A technician's drives of a day, planned against actual, for the company's dispatchers only.</summary>
public sealed class DriveTimesApiTests
{
    private static string Url(string technicianId, string? day = null) =>
        $"/api/v1/dispatch/technicians/{technicianId}/drive-times" + (day is null ? "" : $"?day={day}");

    [Fact]
    public async Task EachDrive_IsPlannedFromTheStopBefore_AndActualFromEnRouteToOnSite()
    {
        var clock = new AdjustableClock();
        using var app = new PortalFactory { Clock = clock };
        var driven = await DrivenDay.DriveAsync(app, clock);
        var travel = app.Services.GetRequiredService<CompanyTravelModels>().For(driven.Day.Company.TenantId);

        var drives = (await driven.Day.Dispatcher.GetFromJsonAsync<DriveTimes>(Url(driven.TechnicianId), ApiJson.Options))!;

        Assert.Equal([driven.FirstJob, driven.SecondJob], drives.Legs.Select(l => l.TicketId));
        var (first, second) = (drives.Legs[0], drives.Legs[1]);
        Assert.Equal((true, false), (first.FromDayStart, second.FromDayStart));
        // The clock jumped by the drive; the calls around the jump take real time too, so a few seconds more.
        Assert.InRange(first.ActualSeconds, DrivenDay.FirstDrive.TotalSeconds, DrivenDay.FirstDrive.TotalSeconds + 30);
        Assert.InRange(second.ActualSeconds, DrivenDay.SecondDrive.TotalSeconds, DrivenDay.SecondDrive.TotalSeconds + 30);
        // Planned: from where the day starts to the first job, then from that job to the next, leaving when they set off.
        var home = new GeoPoint(Ribeira.Latitude, Ribeira.Longitude);
        var campanha = new GeoPoint(Campanha.Latitude, Campanha.Longitude);
        var boavista = new GeoPoint(Boavista.Latitude, Boavista.Longitude);
        Assert.Equal(travel.Estimate(home, campanha, first.SetOffAt).Seconds, first.PlannedSeconds!.Value, 6);
        Assert.Equal(travel.Estimate(campanha, boavista, second.SetOffAt).Seconds, second.PlannedSeconds!.Value, 6);
        Assert.Equal(first.ActualSeconds + second.ActualSeconds, drives.ActualSeconds, 6);
        Assert.Equal(first.PlannedSeconds.Value + second.PlannedSeconds.Value, drives.PlannedSeconds, 6);
        Assert.False(drives.Learned); // no extract, no model: free-flow
        Assert.Equal(driven.Day.TimeZone, drives.TimeZone);
    }

    [Fact]
    public async Task AnotherCompany_SeesOnlyItsOwnTechnicians_AndBadInputIsRefused()
    {
        var clock = new AdjustableClock();
        using var app = new PortalFactory { Clock = clock };
        var driven = await DrivenDay.DriveAsync(app, clock);
        var other = await CreateAsync(app, name: "Other Gardens");
        var theirs = await other.AddTechnicianAsync("Olga Outro", ["irrigation"], Gaia);

        var peek = await other.Dispatcher.GetAsync(Url(driven.TechnicianId));
        var own = (await other.Dispatcher.GetFromJsonAsync<DriveTimes>(Url(theirs), ApiJson.Options))!;
        var badDay = await driven.Day.Dispatcher.GetAsync(Url(driven.TechnicianId, "07/12/2026"));
        var anonymous = await app.CreateClient().GetAsync(Url(driven.TechnicianId));
        var yesterday = (await driven.Day.Dispatcher.GetFromJsonAsync<DriveTimes>(Url(driven.TechnicianId, (await driven.Day.BoardAsync()).Day.AddDays(-1).ToString("yyyy-MM-dd")), ApiJson.Options))!;

        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Empty(own.Legs);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Contains("yyyy-MM-dd", await badDay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(yesterday.Legs);
    }
}
