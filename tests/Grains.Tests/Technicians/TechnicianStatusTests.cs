using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Technicians;

/// <summary>
/// A technician's status follows their jobs, wherever the step comes from (the phone, the geofence, a dispatcher): en
/// route, on site, then available again, or off duty when they are off shift or a dispatcher set them off duty. Each
/// change is on the technician, on the roster (the technicians list, the live map's snapshot) and on the tenant's
/// location stream (the live map), as a dispatcher's own status change is. The technicians' default schedule works
/// Monday to Friday, 8:00 to 17:00 UTC. Dispatch assigns nothing by itself here: its automatic assignment of a new
/// ticket would race the tests' own steps.
/// </summary>
public sealed class TechnicianStatusTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly GeoPoint Site = new(41.1496, -8.6109);
    private static readonly GeoPoint Away = new(41.1600, -8.6300); // about 2 km from the site
    private static readonly DateTimeOffset MondayMorning = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private const string Phone = "phone-1";
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private ITechnicianRoster Roster => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ITechnicianRoster>();

    [Fact]
    public async Task OnTheWay_Arrived_Done_TheStatusFollows_OnTheTechnician_TheRoster_AndTheLiveMapsStream()
    {
        cluster.Time.Set(MondayMorning);
        var (technician, id) = await TechnicianAsync(TechnicianStatus.Available);
        await technician.RecordPingsAsync(Fixes(Away, DateTimeOffset.UtcNow.AddMinutes(-10), count: 1)); // on the map
        var shown = await WatchLiveMapAsync(id);
        var ticket = await AssignedTicketAsync(id);

        await MoveAsync(ticket, TicketStatus.EnRoute, id);
        await AssertShownAsync(technician, id, shown, TechnicianStatus.EnRoute);

        await ticket.CheckInAsync(Site, $"technician:{id}", reason: null, onlyIfTechnician: id);
        await AssertShownAsync(technician, id, shown, TechnicianStatus.OnSite);

        await MoveAsync(ticket, TicketStatus.Completed, id);
        await AssertShownAsync(technician, id, shown, TechnicianStatus.Available);
    }

    [Fact]
    public async Task TheGeofence_ArrivingAndLeaving_MovesTheStatusOnSite_ThenAvailable()
    {
        cluster.Time.Set(MondayMorning);
        var (technician, id) = await TechnicianAsync(TechnicianStatus.Available);
        var ticket = await AssignedTicketAsync(id);
        await MoveAsync(ticket, TicketStatus.EnRoute, id);

        await technician.RecordPingsAsync(Fixes(Site, DateTimeOffset.UtcNow.AddMinutes(-10), count: 5));
        Assert.Equal(TicketStatus.OnSite, (await ticket.GetAsync()).Status);
        Assert.Equal(TechnicianStatus.OnSite, (await technician.GetAsync()).Status);

        await technician.RecordPingsAsync(Fixes(Away, DateTimeOffset.UtcNow.AddMinutes(-5), count: 5));
        Assert.Equal(TicketStatus.Completed, (await ticket.GetAsync()).Status);
        Assert.Equal(TechnicianStatus.Available, (await technician.GetAsync()).Status);
    }

    [Fact]
    public async Task AJobEndingOffShift_OrAfterADispatcherSetOffDuty_LeavesTheTechnicianOffDuty()
    {
        cluster.Time.Set(MondayMorning);
        var (lateWorker, lateId) = await TechnicianAsync(TechnicianStatus.Available);
        var (offDuty, offDutyId) = await TechnicianAsync(TechnicianStatus.OffDuty);
        var late = await AssignedTicketAsync(lateId);
        var favour = await AssignedTicketAsync(offDutyId);
        await MoveAsync(late, TicketStatus.EnRoute, lateId);
        await MoveAsync(favour, TicketStatus.EnRoute, offDutyId);
        Assert.Equal(TechnicianStatus.EnRoute, (await offDuty.GetAsync()).Status); // on the way is on the way, whatever was set before

        await favour.ChangeStatusAsync(new StatusChange(TicketStatus.Cancelled, "dana@example.com", "customer not home"));
        cluster.Time.Set(MondayMorning.AddHours(8)); // 18:00, the shift ended at 17:00
        await late.CheckInAsync(Site, $"technician:{lateId}", reason: null);
        await MoveAsync(late, TicketStatus.Completed, lateId);

        Assert.Equal(TechnicianStatus.OffDuty, (await offDuty.GetAsync()).Status);
        Assert.Equal(TechnicianStatus.OffDuty, (await lateWorker.GetAsync()).Status);
        await RosterShowsAsync(lateId, TechnicianStatus.OffDuty);
    }

    [Fact]
    public async Task AJobThatIsNoLongerTheCurrentOne_ChangesNothingWhenItEnds_AndTurningBackTheCurrentOneMakesThemAvailable()
    {
        cluster.Time.Set(MondayMorning);
        var (technician, id) = await TechnicianAsync(TechnicianStatus.Available);
        var first = await AssignedTicketAsync(id);
        var next = await AssignedTicketAsync(id);
        await MoveAsync(first, TicketStatus.EnRoute, id);
        await first.CheckInAsync(Site, $"technician:{id}", reason: null);

        await MoveAsync(next, TicketStatus.EnRoute, id); // off to the next before closing the first
        await MoveAsync(first, TicketStatus.Completed, id);
        Assert.Equal(TechnicianStatus.EnRoute, (await technician.GetAsync()).Status);

        await next.ChangeStatusAsync(new StatusChange(TicketStatus.Assigned, "dana@example.com", "turn back, the customer called"));
        Assert.Equal(TechnicianStatus.Available, (await technician.GetAsync()).Status);
        await RosterShowsAsync(id, TechnicianStatus.Available);
    }

    [Fact]
    public async Task AStatusWhoseWriteFailed_IsShownNowhere_AndTheTicketsRetryAppliesItOnceStorageIsBack()
    {
        cluster.Time.Set(MondayMorning);
        var (technician, id) = await TechnicianAsync(TechnicianStatus.Available);
        var ticket = await AssignedTicketAsync(id);

        using (StorageFaults.FailWritesOf(technician))
        {
            var enRoute = await MoveAsync(ticket, TicketStatus.EnRoute, id);

            Assert.Equal(TicketStatus.EnRoute, enRoute.Status); // the ticket's change is stored; what follows it is retried
            Assert.Equal(TechnicianStatus.Available, (await technician.GetAsync()).Status);
            Assert.Equal(TechnicianStatus.Available, await RosterStatusAsync(id));
        }

        await Eventually.TrueAsync(async () => (await technician.GetAsync()).Status == TechnicianStatus.EnRoute, "the ticket's retry reaches the technician");
        await RosterShowsAsync(id, TechnicianStatus.EnRoute);
    }

    /// <summary>The technician's own step on their job, as their phone makes it.</summary>
    private static Task<TicketSnapshot> MoveAsync(ITicketGrain ticket, TicketStatus to, string technicianId) =>
        ticket.ChangeStatusAsync(new StatusChange(to, $"technician:{technicianId}"));

    private async Task AssertShownAsync(ITechnicianGrain technician, string id, ConcurrentQueue<TechnicianStatus> shown, TechnicianStatus expected)
    {
        Assert.Equal(expected, (await technician.GetAsync()).Status);
        await RosterShowsAsync(id, expected);
        await Eventually.TrueAsync(() => shown.LastOrDefault() == expected, $"the live map's stream shows {expected}");
    }

    // The roster row follows the technician's stored state in a follow-up of its own, so it may land a moment later.
    private Task RosterShowsAsync(string id, TechnicianStatus expected) =>
        Eventually.TrueAsync(async () => await RosterStatusAsync(id) == expected, $"the roster shows {expected}");

    private async Task<TechnicianStatus> RosterStatusAsync(string id) =>
        (await Roster.ListAsync(_tenant, null, 100)).Single(e => e.TechnicianId == id).Status;

    /// <summary>The statuses the tenant's location stream (the live map's) carries for the technician, in order.</summary>
    private async Task<ConcurrentQueue<TechnicianStatus>> WatchLiveMapAsync(string technicianId)
    {
        var shown = new ConcurrentQueue<TechnicianStatus>();
        await _client.GetStreamProvider(LocationStreams.ProviderName).GetStream<TechnicianPositionsChanged>(LocationStreams.ForTenant(_tenant))
            .SubscribeAsync((batch, _) =>
            {
                foreach (var change in batch.Positions.Where(p => p.TechnicianId == technicianId)) shown.Enqueue(change.Status);
                return Task.CompletedTask;
            });
        return shown;
    }

    private async Task<(ITechnicianGrain Technician, string Id)> TechnicianAsync(TechnicianStatus status)
    {
        await _client.GetGrain<IDispatchGrain>(_tenant).UpdateSettingsAsync(null, autoAssign: false);
        var id = TenantKeys.NewId();
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id));
        await technician.ProvisionAsync(new TechnicianProfile("Rui", ["hvac"], Site, null), null);
        await technician.AddDeviceAsync(new DeviceSummary(Phone, "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "not-used-here"));
        await technician.SetStatusAsync(status);
        return (technician, id);
    }

    private async Task<ITicketGrain> AssignedTicketAsync(string technicianId)
    {
        var ticket = _client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        await ticket.CreateAsync(new NewTicket("cust-1", "prop-1", Site, "Rua das Flores 10, Porto", "No heating", ["hvac"], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana@example.com");
        await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.Assigned, "dana@example.com", TechnicianId: technicianId));
        return ticket;
    }

    /// <summary>Fixes 30 s apart around <paramref name="at"/>, from the technician's phone: five cover a geofence's dwell.</summary>
    private static TechnicianPings Fixes(GeoPoint at, DateTimeOffset first, int count) => new(
        [Phone],
        [.. Enumerable.Range(0, count).Select(i => new GpsFix(first.AddSeconds(30 * i), at.Latitude + i * 0.00001, at.Longitude) { AccuracyMeters = 5 })],
        DateTimeOffset.UtcNow);
}
