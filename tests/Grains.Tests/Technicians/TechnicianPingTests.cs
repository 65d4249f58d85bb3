using System.Collections.Concurrent;
using Orleans.Streams;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Technicians;

/// <summary>
/// What a technician does with pings on a two-silo cluster: it is the authority on its devices (a revoked one is
/// refused at once, whatever a node cached), it publishes on its own stream only while someone follows it, and its
/// tenant's stream gets batches holding at most one position per technician. A "nothing was published" waits first
/// for a later event on the same stream: a stream delivers in order, so an earlier one would have come first.
/// </summary>
public sealed class TechnicianPingTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly GeoPoint Porto = new(41.1496, -8.6109);
    private static readonly GeoPoint Lisbon = new(38.7223, -9.1393);
    private const string Phone = "phone-1";
    private const string Tracker = "tracker-1";
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-30);
    private int _pings;

    [Fact]
    public async Task ARevokedDevice_IsRefusedAtOnce_AndItsBatchStoresNothing()
    {
        var (technician, _) = await TechnicianAsync();
        var first = await technician.RecordPingsAsync(PingsFrom([Phone]));
        var position = (await technician.GetAsync()).Position;

        await technician.RevokeDeviceAsync(Phone);

        Assert.Equal(1, first!.Accepted);
        Assert.Null(await technician.RecordPingsAsync(PingsFrom([Phone])));
        Assert.Null(await technician.RecordPingsAsync(PingsFrom([Tracker, Phone]))); // the good device's fixes are refused with it
        Assert.Null(await technician.RecordPingsAsync(PingsFrom(["never-issued"])));
        Assert.Equal(position, (await technician.GetAsync()).Position);
        Assert.Equal(1, (await technician.RecordPingsAsync(PingsFrom([Tracker])))!.Accepted);
    }

    [Fact]
    public async Task ATechnicianNobodyFollows_PublishesNothingOnItsOwnStream()
    {
        var (technician, id) = await TechnicianAsync();
        var heard = await WatchTechnicianAsync(id);
        var follower = "route-" + TenantKeys.NewId();

        var unfollowed = PingsFrom([Phone]);
        await technician.RecordPingsAsync(unfollowed);
        await technician.FollowAsync(follower, cluster.Time.GetUtcNow().AddHours(1));
        var followed = PingsFrom([Phone]);
        await technician.RecordPingsAsync(followed);
        await Eventually.TrueAsync(() => heard.Count == 1, "the followed ping is published");
        await technician.UnfollowAsync(follower);
        await technician.RecordPingsAsync(PingsFrom([Phone]));
        await technician.FollowAsync(follower, cluster.Time.GetUtcNow().AddHours(1));
        var followedAgain = PingsFrom([Phone]);
        await technician.RecordPingsAsync(followedAgain);
        await Eventually.TrueAsync(() => heard.Count == 2, "the ping after following again is published");

        Assert.Equal([followed.Fixes[0].Time, followedAgain.Fixes[0].Time], heard.Select(c => c.Fix.Time));
    }

    [Fact]
    public async Task AFollowerWhoseTimeIsUp_NoLongerCounts()
    {
        var (technician, id) = await TechnicianAsync();
        var heard = await WatchTechnicianAsync(id);
        await technician.FollowAsync("route-yesterday", cluster.Time.GetUtcNow().AddMinutes(-1));
        await technician.RecordPingsAsync(PingsFrom([Phone]));
        await technician.FollowAsync("route-today", cluster.Time.GetUtcNow().AddHours(8));
        var followed = PingsFrom([Phone]);

        await technician.RecordPingsAsync(followed);

        await Eventually.TrueAsync(() => !heard.IsEmpty, "the ping while followed is published");
        Assert.Equal([followed.Fixes[0].Time], heard.Select(c => c.Fix.Time));
    }

    [Fact]
    public async Task OnTheWayToAJob_TheTechnicianPublishes_AndOnSiteItStops()
    {
        var (technician, id) = await TechnicianAsync();
        var heard = await WatchTechnicianAsync(id);
        var job = TenantKeys.NewId();

        await technician.SetCurrentJobAsync(new CurrentJob(job, Lisbon, OnSite: false));
        var enRoute = PingsFrom([Phone]);
        await technician.RecordPingsAsync(enRoute);
        await Eventually.TrueAsync(() => heard.Count == 1, "the ping on the way is published");
        await technician.SetCurrentJobAsync(new CurrentJob(job, Lisbon, OnSite: true));
        await technician.RecordPingsAsync(PingsFrom([Phone]));
        await technician.ClearCurrentJobAsync(job);
        await technician.SetCurrentJobAsync(new CurrentJob(TenantKeys.NewId(), Lisbon, OnSite: false));
        var toTheNext = PingsFrom([Phone]);
        await technician.RecordPingsAsync(toTheNext);
        await Eventually.TrueAsync(() => heard.Count == 2, "the ping on the way to the next job is published");

        Assert.Equal([enRoute.Fixes[0].Time, toTheNext.Fixes[0].Time], heard.Select(c => c.Fix.Time));
    }

    [Fact]
    public async Task TheTenantStream_CarriesBatches_WithTheNewestPositionOfEachTechnician()
    {
        var (ana, anaId) = await TechnicianAsync();
        var (rui, ruiId) = await TechnicianAsync();
        var batches = new ConcurrentQueue<TechnicianPositionsChanged>();
        var stream = _client.GetStreamProvider(LocationStreams.ProviderName).GetStream<TechnicianPositionsChanged>(LocationStreams.ForTenant(_tenant));
        var subscription = await stream.SubscribeAsync((batch, _) =>
        {
            batches.Enqueue(batch);
            return Task.CompletedTask;
        });

        var sent = new List<TechnicianPings>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var technician in new[] { ana, rui })
            {
                var pings = PingsFrom([Phone]);
                sent.Add(pings);
                await technician.RecordPingsAsync(pings);
            }
        }

        var newestOfAna = sent[^2].Fixes[0].Time;
        var newestOfRui = sent[^1].Fixes[0].Time;
        await Eventually.TrueAsync(() => Newest(batches, anaId) == newestOfAna && Newest(batches, ruiId) == newestOfRui, "both newest positions arrive");
        await subscription.UnsubscribeAsync();

        Assert.All(batches, batch => Assert.Equal(_tenant, batch.TenantId));
        Assert.All(batches, batch => Assert.Equal(batch.Positions.Count, batch.Positions.Select(p => p.TechnicianId).Distinct().Count()));
        Assert.InRange(batches.Sum(b => b.Positions.Count), 2, sent.Count);
    }

    private static DateTimeOffset? Newest(IEnumerable<TechnicianPositionsChanged> batches, string technicianId) =>
        batches.SelectMany(b => b.Positions).Where(p => p.TechnicianId == technicianId).Select(p => (DateTimeOffset?)p.Fix.Time).Max();

    private async Task<(ITechnicianGrain Technician, string Id)> TechnicianAsync()
    {
        var id = TenantKeys.NewId();
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id));
        await technician.ProvisionAsync(new TechnicianProfile("Rui", ["hvac"], null, null), null);
        await technician.AddDeviceAsync(new DeviceSummary(Phone, "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "hash-of-the-phone"));
        await technician.AddDeviceAsync(new DeviceSummary(Tracker, "tracker", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "hash-of-the-tracker"));
        return (technician, id);
    }

    private async Task<ConcurrentQueue<TechnicianPositionChanged>> WatchTechnicianAsync(string technicianId)
    {
        var heard = new ConcurrentQueue<TechnicianPositionChanged>();
        await _client.GetStreamProvider(LocationStreams.ProviderName)
            .GetStream<TechnicianPositionChanged>(LocationStreams.ForTechnician(_tenant, technicianId))
            .SubscribeAsync((change, _) =>
            {
                heard.Enqueue(change);
                return Task.CompletedTask;
            });
        return heard;
    }

    /// <summary>One fix in Porto from the given devices, 30 s after the previous one (far from any job site in these tests).</summary>
    private TechnicianPings PingsFrom(IReadOnlyList<string> devices)
    {
        var n = Interlocked.Increment(ref _pings);
        var fix = new GpsFix(_start.AddSeconds(30 * n), Porto.Latitude + n * 0.0001, Porto.Longitude) { AccuracyMeters = 5 };
        return new TechnicianPings(devices, [fix], DateTimeOffset.UtcNow);
    }
}
