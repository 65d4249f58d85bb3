using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch;

/// <summary>
/// Dispatch as the domain clock moves through a working day: "no signal" is raised only for technicians on shift, and
/// only once the grace has passed since the shift began (or since their newest position, if later); the board shows
/// shifts as scheduled, as instants, whatever the hour. The company's time zone is UTC; 5 January 2026 is a Monday.
/// </summary>
public sealed class ShiftAwareDispatchTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly GeoPoint Home = new(41.1496, -8.6109);
    private static readonly GeoPoint Job = new(41.1510, -8.6120);
    private const string Phone = "phone-1";
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    [Fact]
    public async Task NoSignal_IsRaisedOnlyOnShift_AfterTheGraceCountedFromTheShiftsStart_NamingTheTechnicianWithFullInstants()
    {
        cluster.Time.Set(At(Monday, 8, 0));
        var dispatch = await DispatchAsync();
        var early = await TechnicianAsync("Early Eva", "UTC", new WorkingHours(DayOfWeek.Monday, new(7, 0), new(9, 0)));
        var late = await TechnicianAsync("Late Luís", "UTC", new WorkingHours(DayOfWeek.Monday, new(9, 0), new(17, 0)));
        var lastSunday = At(Monday.AddDays(-1), 16, 0);
        await Technician(late).RecordPingsAsync(new TechnicianPings([Phone], [new GpsFix(lastSunday, Home.Latitude, Home.Longitude)], cluster.Time.GetUtcNow()));
        await AssignJobAsync(dispatch, early);
        await AssignJobAsync(dispatch, late);

        // 08:00: Eva's shift began an hour ago and she never reported; Luís's starts at 09:00.
        var eva = await AlertAsync(dispatch, early);
        Assert.DoesNotContain(await dispatch.GetAlertsAsync(), a => a.TechnicianId == late);
        Assert.Equal(
            (AlertKind.NoSignal, $"{AlertKind.NoSignal}:{early}", (string?)null, "Early Eva", (DateOnly?)Monday, (DateTimeOffset?)null, (DateTimeOffset?)At(Monday, 7, 0)),
            (eva.Kind, eva.Id, eva.TicketId, eva.TechnicianName, eva.Day, eva.LastSeenAt, eva.SilentSince));
        Assert.Equal("No signal from Early Eva since the shift began at 07:00 (no position yet).", eva.Message);
        Assert.Equal(At(Monday, 8, 0), eva.RaisedAt);
        Assert.Equal(TimeSpan.Zero, eva.RaisedAt.Offset);

        // 09:03: Eva's shift is over, so her alert clears; Luís is three minutes into his, within the five minutes' grace.
        cluster.Time.Set(At(Monday, 9, 3));
        await Eventually.TrueAsync(async () => !(await dispatch.GetAlertsAsync()).Any(a => a.TechnicianId == early), "Eva's alert clears after her shift");
        Assert.DoesNotContain(await dispatch.GetAlertsAsync(), a => a.TechnicianId == late);

        // 09:06: the grace is over, counted from 09:00, not from his last position on Sunday.
        cluster.Time.Set(At(Monday, 9, 6));
        var luis = await AlertAsync(dispatch, late);
        Assert.Equal((lastSunday, At(Monday, 9, 0)), (luis.LastSeenAt, luis.SilentSince));
        Assert.Equal("No signal from Late Luís since the shift began at 09:00 (last position Sun 4 Jan 16:00).", luis.Message);
    }

    [Fact]
    public async Task AtNight_TheBoardShowsTheDaysShiftAsScheduled_EachPartOfASplitShift_AndWhetherItCrossesMidnight()
    {
        cluster.Time.Set(At(Monday, 23, 0));
        var dispatch = await DispatchAsync();
        var evening = await TechnicianAsync("Evening Eli", "UTC", new WorkingHours(DayOfWeek.Monday, new(14, 0), new(22, 0)));
        var split = await TechnicianAsync("Split Sofia", "UTC", new WorkingHours(DayOfWeek.Monday, new(13, 0), new(17, 0)), new WorkingHours(DayOfWeek.Monday, new(8, 0), new(12, 0)));
        var tokyo = await TechnicianAsync("Tokyo Taro", "Asia/Tokyo", new WorkingHours(DayOfWeek.Monday, new(6, 0), new(12, 0))); // 21:00 to 03:00 UTC

        var board = (await dispatch.GetBoardAsync(Monday)).Technicians.ToDictionary(t => t.Id);

        var eli = board[evening];
        Assert.Equal((At(Monday, 14, 0), At(Monday, 22, 0)), (eli.ShiftStart, eli.ShiftEnd)); // it read 22:00-22:00: the plan's span, from "now"
        Assert.Equal([new TimeWindow(At(Monday, 14, 0), At(Monday, 22, 0))], eli.Shifts);
        Assert.False(eli.CrossesMidnight);
        Assert.Equal(At(Monday, 22, 0), eli.AvailableFrom); // nothing more can be planned today
        var sofia = board[split];
        Assert.Equal([new TimeWindow(At(Monday, 8, 0), At(Monday, 12, 0)), new TimeWindow(At(Monday, 13, 0), At(Monday, 17, 0))], sofia.Shifts);
        Assert.Equal((At(Monday, 8, 0), At(Monday, 17, 0)), (sofia.ShiftStart, sofia.ShiftEnd));
        var taro = board[tokyo];
        Assert.Equal((At(Monday.AddDays(-1), 21, 0), At(Monday, 3, 0)), (taro.ShiftStart, taro.ShiftEnd));
        Assert.True(taro.CrossesMidnight);
        Assert.All(board.Values.SelectMany(t => t.Shifts), s => Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (s.Start.Offset, s.End.Offset)));
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private ITechnicianGrain Technician(string id) => _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id));

    private async Task<IDispatchGrain> DispatchAsync()
    {
        var dispatch = _client.GetGrain<IDispatchGrain>(_tenant);
        await dispatch.UpdateSettingsAsync("UTC", autoAssign: false);
        return dispatch;
    }

    private async Task<string> TechnicianAsync(string name, string timeZone, params WorkingHours[] shifts)
    {
        var id = TenantKeys.NewId();
        var technician = Technician(id);
        await technician.ProvisionAsync(new TechnicianProfile(name, ["irrigation"], Home, null), null);
        await technician.SetScheduleAsync(TechnicianSchedule.Default with { TimeZone = timeZone, WorkingHours = shifts });
        await technician.AddDeviceAsync(new DeviceSummary(Phone, "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "not-used-here"));
        return id;
    }

    /// <summary>A job of today, any time, on the technician's route: "no signal" concerns technicians with work today.</summary>
    private async Task AssignJobAsync(IDispatchGrain dispatch, string technicianId)
    {
        var ticketId = TenantKeys.NewId();
        await _client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, ticketId))
            .CreateAsync(new NewTicket("cust-1", "prop-1", Job, "Rua das Flores 10, Porto", "Sprinkler check", ["irrigation"], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana@example.com");
        await dispatch.AssignAsync(Monday, ticketId, technicianId, at: null, "dana@example.com");
    }

    private static async Task<DispatchAlert> AlertAsync(IDispatchGrain dispatch, string technicianId)
    {
        DispatchAlert? alert = null;
        await Eventually.TrueAsync(async () => (alert = (await dispatch.GetAlertsAsync()).SingleOrDefault(a => a.TechnicianId == technicianId)) is not null,
            $"a no-signal alert for {technicianId}");
        return alert!;
    }
}
