using Orleans.Runtime;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.CallCycles;

/// <summary>
/// The call cycles between our grains, each on a real two-silo cluster. Orleans runs one call per grain at a time and
/// does not admit a call chain back into a grain that is waiting, so each cycle must be broken on purpose; a cycle
/// that is not would hang here until <see cref="GrainCluster.ResponseTimeout"/> and fail with a TimeoutException.
/// <list type="bullet">
/// <item>technician → ticket → technician: arrival moves the ticket on site, and the ticket re-arms the geofence;</item>
/// <item>dispatch or a dispatcher → ticket → technician, while that technician → the same ticket (two call chains);</item>
/// <item>dispatch → technician (read) while technician → dispatch (its profile changed): that call is one-way, so the
/// technician never waits;</item>
/// <item>dispatch → route (new plan) while route → dispatch (its estimates moved);</item>
/// <item>ticket → dispatch (it changed) while dispatch, activating, → every open ticket (its first read).</item>
/// </list>
/// </summary>
public sealed class CallCycleTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly GeoPoint Site = new(41.1496, -8.6109);
    private const string Phone = "device-1";
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    [Fact]
    public async Task ArrivingAtTheJob_MovesTheTicketOnSite_AndTheTicketRearmsTheTechniciansGeofence()
    {
        var (technician, ticket) = await TechnicianEnRouteAsync();

        var result = await technician.RecordPingsAsync(FixesAt(Site, DateTimeOffset.UtcNow.AddMinutes(-3), count: 5));

        Assert.Equal(5, result!.Accepted);
        var snapshot = await ticket.GetAsync();
        Assert.Equal(TicketStatus.OnSite, snapshot.Status);
        Assert.Equal("geofence", snapshot.Audit[^1].Actor);
    }

    [Fact]
    public async Task ADispatcherHoldingTheTicket_WhileTheTechnicianArrivesAtIt_NeitherDeadlocks()
    {
        var (technician, ticket) = await TechnicianEnRouteAsync();
        // The dispatcher's change is held at the ticket's door, so the technician's arrival queues behind it; then
        // the ticket, changing to on hold, calls the technician, which is waiting for that ticket.
        var held = CallGates.HoldIncoming(ticket, nameof(ITicketGrain.ChangeStatusAsync));
        var hold = ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait"));
        await held.Reached;
        var sent = CallGates.WatchOutgoing(technician, nameof(ITicketGrain.ChangeStatusAsync));
        var arrival = technician.RecordPingsAsync(FixesAt(Site, DateTimeOffset.UtcNow.AddMinutes(-3), count: 5));
        await sent.Reached;
        held.Release();

        var onHold = await hold;
        await arrival; // the geofence's change is refused (on hold cannot go on site) and the technician takes that

        Assert.Equal(TicketStatus.OnHold, onHold.Status);
        Assert.Equal(TicketStatus.OnHold, (await ticket.GetAsync()).Status);
    }

    [Fact]
    public async Task DispatchBusyInACall_StillTakesARoutesProgress()
    {
        var dispatch = _client.GetGrain<IDispatchGrain>(_tenant);
        var held = CallGates.HoldIncoming(dispatch, nameof(IDispatchGrain.UpdateSettingsAsync));
        var busy = dispatch.UpdateSettingsAsync(null, null);
        await held.Reached;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = new RoutePlan("tech-1", today, Site, Site, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(8), TimeSpan.Zero, []);

        await dispatch.RouteProgressAsync(new RouteView(plan, [], Site, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)); // what a route calls while dispatch may be pushing it a plan

        Assert.False(busy.IsCompleted);
        held.Release();
        await busy;
    }

    [Fact]
    public async Task ATicketChange_ThatActivatesDispatch_DoesNotWaitForDispatchToReadThatTicket()
    {
        var dispatch = _client.GetGrain<IDispatchGrain>(_tenant);
        var ticket = _client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        await ticket.CreateAsync(new NewTicket("cust-1", "prop-1", Site, "Rua das Flores 10, Porto", "No heating", ["hvac"], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana@example.com");
        await dispatch.GetBoardAsync(null); // dispatch now holds the ticket among its open ones, which its activation reads
        // Gone, as after an idle period or a failed write: the ticket's next change is what activates it again.
        await cluster.DeactivateAsync(dispatch.GetGrainId());

        var held = await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait"));

        Assert.Equal(TicketStatus.OnHold, held.Status);
        Assert.DoesNotContain((await dispatch.GetBoardAsync(null)).Unassigned, job => job.TicketId == held.TicketId);
    }

    [Fact]
    public async Task ATechnicianBusyInACall_StillTakesItsCurrentJobFromATicket()
    {
        var (technician, ticket) = await TechnicianEnRouteAsync();
        var held = CallGates.HoldIncoming(technician, nameof(ITechnicianGrain.SetStatusAsync));
        var busy = technician.SetStatusAsync(TechnicianStatus.Available);
        await held.Reached;

        await technician.ClearCurrentJobAsync(ticket.GetPrimaryKeyString().Split(':')[1]);

        Assert.False(busy.IsCompleted);
        held.Release();
        await busy;
    }

    private async Task<(ITechnicianGrain Technician, ITicketGrain Ticket)> TechnicianEnRouteAsync()
    {
        var technicianId = TenantKeys.NewId();
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, technicianId));
        await technician.ProvisionAsync(new TechnicianProfile("Rui", ["hvac"], null, null), null);
        await technician.AddDeviceAsync(new DeviceSummary(Phone, "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "not-used-here"));
        var ticket = _client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        await ticket.CreateAsync(new NewTicket("cust-1", "prop-1", Site, "Rua das Flores 10, Porto", "No heating", ["hvac"], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana@example.com");
        await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.Assigned, "dana@example.com", TechnicianId: technicianId));
        await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.EnRoute, "rui"));
        return (technician, ticket);
    }

    /// <summary>Fixes 30 s apart at the site, from the technician's phone: <paramref name="count"/> of them cover the arrival dwell.</summary>
    private static TechnicianPings FixesAt(GeoPoint site, DateTimeOffset first, int count) => new(
        [Phone],
        [.. Enumerable.Range(0, count).Select(i => new GpsFix(first.AddSeconds(30 * i), site.Latitude + i * 0.00001, site.Longitude) { AccuracyMeters = 5 })],
        DateTimeOffset.UtcNow);
}
