using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// What the dispatcher's pages need to print times with their context, as JSON: alerts with UTC instants naming what
/// they are about, the company's time zone, and each technician's shift as scheduled. Read as raw JSON, so a renamed
/// or missing field fails here rather than in a page.
/// </summary>
public sealed class DispatchTimesApiTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAlert_NamesItsKindAndWhatItIsAbout_WithUtcInstants_AndTheCompanyGivesItsTimeZone()
    {
        var day = await CreateAsync(app); // nobody to send: an emergency raises an alert
        var job = await day.AddJobAsync("Burst main", Campanha, window: (1, 3), priority: "Emergency");

        JsonElement alert = default;
        await Eventually.TrueAsync(async () =>
        {
            using var alerts = JsonDocument.Parse(await day.Dispatcher.GetStringAsync("/api/v1/dispatch/alerts"));
            var found = alerts.RootElement.EnumerateArray().Where(a => a.GetProperty("ticketId").GetString() == job.Id).ToList();
            if (found.Count == 1) alert = found[0].Clone();
            return found.Count == 1;
        }, "the unassigned emergency's alert");

        Assert.Equal($"UnassignedEmergency:{job.Id}", alert.GetProperty("id").GetString());
        Assert.Equal("UnassignedEmergency", alert.GetProperty("kind").GetString());
        Assert.Contains("Burst main street", alert.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("technicianId").ValueKind);
        Assert.Equal("Burst main street", alert.GetProperty("address").GetString());
        Assert.Equal((await day.BoardAsync()).Day.ToString("yyyy-MM-dd"), alert.GetProperty("day").GetString());
        var window = alert.GetProperty("window");
        Assert.Equal(job.ArrivalWindow!.Start, window.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(job.ArrivalWindow.End, window.GetProperty("end").GetDateTimeOffset());
        Assert.All(new[] { alert.GetProperty("raisedAt"), window.GetProperty("start"), window.GetProperty("end") },
            instant => Assert.EndsWith("+00:00", instant.GetString()));

        using var company = JsonDocument.Parse(await day.Dispatcher.GetStringAsync("/api/v1/company"));
        Assert.Equal(day.TimeZone, company.RootElement.GetProperty("timeZone").GetString());
        Assert.Equal("Acme Irrigation", company.RootElement.GetProperty("name").GetString()); // what the page read before is still there
    }

    [Fact]
    public async Task TheBoard_GivesEachShiftAsScheduled_NotFromNow_AndFromWhenThePlanCountsOnTheTechnician()
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira); // 00:00 to 23:59 every day
        var zone = TimeZoneInfo.FindSystemTimeZoneById(day.TimeZone);
        var before = DateTimeOffset.UtcNow;

        using var board = JsonDocument.Parse(await day.Dispatcher.GetStringAsync("/api/v1/dispatch/board"));

        var gil = board.RootElement.GetProperty("technicians").EnumerateArray().Single(t => t.GetProperty("id").GetString() == technician);
        var today = DateOnly.ParseExact(board.RootElement.GetProperty("day").GetString()!, "yyyy-MM-dd");
        DateTimeOffset Local(int hour, int minute) => new(today.ToDateTime(new TimeOnly(hour, minute)), zone.GetUtcOffset(today.ToDateTime(new TimeOnly(hour, minute))));
        Assert.Equal(Local(0, 0), gil.GetProperty("shiftStart").GetDateTimeOffset()); // the plan's span starts now: shown as the shift, it read "now-23:59"
        Assert.Equal(Local(23, 59), gil.GetProperty("shiftEnd").GetDateTimeOffset());
        var shift = Assert.Single(gil.GetProperty("shifts").EnumerateArray());
        Assert.Equal((Local(0, 0), Local(23, 59)), (shift.GetProperty("start").GetDateTimeOffset(), shift.GetProperty("end").GetDateTimeOffset()));
        Assert.False(gil.GetProperty("crossesMidnight").GetBoolean());
        Assert.InRange(gil.GetProperty("availableFrom").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
    }
}
