using System.Collections.Concurrent;
using Orleans.Streams;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Routes;

/// <summary>
/// A route grain correcting the ETA of the drive under way, on a two-silo cluster: the technician's pings reach it
/// on their stream as in production, and what a customer sees is what goes out on "ticket-eta". Business time is the
/// cluster's manual clock, so "six minutes in a jam" takes no time.
/// </summary>
public sealed class LiveEtaCorrectionTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly GeoPoint Home = new(41.14, -8.61);
    private const string Phone = "phone-1";
    private const double MetersPerDegreeOfLatitude = 111_195;
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private static GeoPoint North(GeoPoint from, double meters) => new(from.Latitude + meters / MetersPerDegreeOfLatitude, from.Longitude);

    /// <summary>The technician's drive from home to a job <paramref name="metersNorth"/> away, en route as the plan is set; the plan's ETA is already published.</summary>
    private sealed record Drive(ITechnicianGrain Technician, IRouteGrain Route, ConcurrentQueue<TicketEta> Etas, DateTimeOffset Start, DateTimeOffset Planned);

    private async Task<Drive> EnRouteAsync(double metersNorth, TimeSpan? windowIn = null)
    {
        var id = TenantKeys.NewId();
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id));
        await technician.ProvisionAsync(new TechnicianProfile("Rui", ["hvac"], null, null), null);
        await technician.AddDeviceAsync(new DeviceSummary(Phone, "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "hash-of-the-phone"));

        var ticketId = TenantKeys.NewId();
        var etas = new ConcurrentQueue<TicketEta>();
        await _client.GetStreamProvider(DispatchStreams.ProviderName).GetStream<TicketEta>(DispatchStreams.EtaFor(_tenant, ticketId)).SubscribeAsync((eta, _) =>
        {
            etas.Enqueue(eta);
            return Task.CompletedTask;
        });

        var now = cluster.Time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var route = _client.GetGrain<IRouteGrain>(RouteKeys.For(_tenant, id, day));
        var window = windowIn is { } opensIn ? new TimeWindow(now + opensIn, now + opensIn + TimeSpan.FromHours(2)) : null;
        var stop = new PlannedStop(ticketId, North(Home, metersNorth), "addr", "desc", TicketPriority.Routine, TicketStatus.EnRoute, window, TimeSpan.FromMinutes(30), now, now, now, false, null);
        var planned = (await route.SetPlanAsync(new RoutePlan(id, day, Home, Home, now.AddHours(-1), now.AddHours(8), TimeSpan.Zero, [stop]))).Estimates.Single().Eta;
        await Eventually.TrueAsync(() => etas.Count == 1, "the plan's ETA is published");
        return new Drive(technician, route, etas, now, planned);
    }

    /// <summary>A ping from the phone at business time now; returns once the route has heard it (and so recomputed: the clock moved past the refresh interval).</summary>
    private async Task<RouteView> PingAsync(ITechnicianGrain technician, IRouteGrain route, GeoPoint at)
    {
        var now = cluster.Time.GetUtcNow();
        await technician.RecordPingsAsync(new TechnicianPings([Phone], [new GpsFix(now, at.Latitude, at.Longitude) { AccuracyMeters = 5 }], now));
        RouteView? view = null;
        await Eventually.TrueAsync(async () => (view = await route.GetAsync())!.PositionAt == now, "the route hears the ping on its stream");
        return view!;
    }

    [Fact]
    public async Task StuckInAJam_ThePublishedEtaSlipsBeyondWhatTheModelAloneSays()
    {
        var (technician, route, etas, start, planned) = await EnRouteAsync(metersNorth: 20_000);
        var modelledDrive = planned - start; // from home, where the technician stays

        // Six minutes without progress, a fix every 90 s wobbling by a few metres.
        for (var fix = 1; fix <= 5; fix++)
        {
            cluster.Time.Set(start.AddSeconds(90 * fix));
            await PingAsync(technician, route, North(Home, fix % 2 == 0 ? 4 : -4));
        }

        // The model alone would say now + the same drive; the jam is believed to hold them about as long again.
        var view = (await route.GetAsync())!;
        var eta = view.Estimates.Single().Eta;
        Assert.InRange((eta - (view.ComputedAt + modelledDrive)).TotalMinutes, 4.5, 6.5);
        // The last fix moved it by more than the threshold since the last publication (at the third fix): out it goes.
        await Eventually.TrueAsync(() => etas.Last().ComputedAt == view.ComputedAt, "the slipped ETA is published");
        Assert.Equal(eta, etas.Last().Eta);
        var lost = view.ComputedAt - start;
        Assert.True(eta > planned + lost + TimeSpan.FromMinutes(4.5), $"the customer sees {eta}: planned {planned}, {lost} lost so far");
    }

    [Fact]
    public async Task APublishedEtaThatTimeOvertook_GoesOutAgain_ThoughItMovedLessThanTheThreshold()
    {
        var (technician, route, etas, start, planned) = await EnRouteAsync(metersNorth: 1_500);

        // A minute after the planned arrival, still 30 s of driving away: 90 s later than published.
        var modelledDrive = (planned - start).TotalSeconds;
        cluster.Time.Set(planned.AddMinutes(1));
        var view = await PingAsync(technician, route, North(Home, 1_500 * (1 - 30 / modelledDrive)));

        var eta = view.Estimates.Single().Eta;
        Assert.True((eta - planned).Duration() <= EtaPolicy.PublishThreshold, $"{eta} is within the threshold of {planned}");
        await Eventually.TrueAsync(() => etas.Count == 2, "the overtaken ETA is published again");
        Assert.Equal(eta, etas.Last().Eta);
        Assert.True(etas.Last().Eta >= cluster.Time.GetUtcNow(), "not in the past");
    }

    [Fact]
    public async Task AnEtaThatTimeOvertook_GoesOutAgain_EvenWhileThePhoneIsSilent()
    {
        var (_, _, etas, _, planned) = await EnRouteAsync(metersNorth: 20);

        // No ping comes; the planned arrival passes.
        cluster.Time.Set(planned.AddMinutes(1));

        await Eventually.TrueAsync(() => etas.Count == 2, "the overtaken ETA is published again");
        Assert.True(etas.Last().Eta >= planned.AddMinutes(1), $"{etas.Last().Eta} is not before now");
    }

    [Fact]
    public async Task AnEarlyTechnicianComingWithin150Metres_IsPublishedAsArriving_ThoughTheEtaStaysTheWindowsStart()
    {
        // Three kilometres out and the window opens in an hour: expected when it opens, not arriving.
        var (technician, route, etas, start, planned) = await EnRouteAsync(metersNorth: 3_000, windowIn: TimeSpan.FromHours(1));
        Assert.False(etas.Single().Arriving);

        // Ten minutes later, 120 m from the door: the ETA is still the window's start, but they are arriving.
        cluster.Time.Set(start.AddMinutes(10));
        await PingAsync(technician, route, North(Home, 3_000 - 120));

        await Eventually.TrueAsync(() => etas.Count == 2, "the arrival is published though the ETA did not move");
        Assert.True(etas.Last().Arriving);
        Assert.Equal(planned, etas.Last().Eta);
    }
}
