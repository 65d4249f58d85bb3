using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Technicians.History;

/// <summary>The ping history contract, run once per database by the sealed subclasses.</summary>
public abstract class PingHistoryTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private PingHistory history = null!;

    public async Task InitializeAsync() => history = await StartAsync();

    public async Task DisposeAsync() => await history.DisposeAsync();

    /// <summary>A ping this database refuses for its values, so the writer must drop it alone.</summary>
    protected abstract PingRecord RefusedPing(string tenantId, DateTimeOffset time);

    [Fact]
    public async Task StoredPings_AreReadableOnceTheStoreCompletes()
    {
        var (tenant, technician) = NewTechnician();
        var pings = Enumerable.Range(0, 5).Select(i => Ping(tenant, technician, T0.AddSeconds(i), latitude: 48.85 + i * 0.001)).ToList();

        await history.StoreAsync(pings);

        Assert.Equal(pings, await ReadAllAsync(history, tenant, technician));
    }

    [Fact]
    public async Task ReplayedPings_AreStoredOnce_WithinABatchAndAcrossBatches()
    {
        await using var smallBatches = await StartAsync(options => options.BatchSize = 2);
        var (tenant, technician) = NewTechnician();
        var originals = Enumerable.Range(0, 5).Select(i => Ping(tenant, technician, T0.AddSeconds(i))).ToList();
        await smallBatches.StoreAsync(originals);

        // A replayed offline buffer: same keys, and the device's second report of them differs. The first one stays.
        var replayed = originals.Select(p => p with { Fix = p.Fix with { Latitude = 10 } }).ToList();
        var fresh = Ping(tenant, technician, T0.AddSeconds(5));
        await Task.WhenAll(smallBatches.StoreAsync([.. replayed, fresh, fresh]), smallBatches.StoreAsync([fresh, replayed[0]]));

        Assert.Equal([.. originals, fresh], await ReadAllAsync(smallBatches, tenant, technician));
    }

    [Fact]
    public async Task ReplayedPings_AreStoredOnce_ByANewInstance()
    {
        var (tenant, technician) = NewTechnician();
        var originals = Enumerable.Range(0, 5).Select(i => Ping(tenant, technician, T0.AddSeconds(i))).ToList();
        await history.StoreAsync(originals);

        await using var restarted = await StartAsync();
        var fresh = Ping(tenant, technician, T0.AddSeconds(5));
        await restarted.StoreAsync([.. originals, fresh]);

        Assert.Equal([.. originals, fresh], await ReadAllAsync(restarted, tenant, technician));
    }

    [Fact]
    public async Task TenantsAndTechnicians_NeverSeeEachOthersPings()
    {
        var tenantA = "tenant-" + Guid.NewGuid().ToString("N");
        var tenantB = "tenant-" + Guid.NewGuid().ToString("N");
        // The same technician id in two tenants, and two technicians in one tenant, all at the same instants.
        var inA = Ping(tenantA, "tech-1", T0, latitude: 1);
        var inB = Ping(tenantB, "tech-1", T0, latitude: 2);
        var otherInA = Ping(tenantA, "tech-2", T0, latitude: 3);
        await history.StoreAsync([inA, inB, otherInA]);

        Assert.Equal([inA], await ReadAllAsync(history, tenantA, "tech-1"));
        Assert.Equal([inB], await ReadAllAsync(history, tenantB, "tech-1"));
        Assert.Equal([otherInA], await ReadAllAsync(history, tenantA, "tech-2"));
        Assert.Empty(await ReadAllAsync(history, tenantB, "tech-2"));
        Assert.Equal(inB, await history.ReadLatestAsync(tenantB, "tech-1"));
        Assert.Null(await history.ReadLatestAsync(tenantB, "tech-2"));
    }

    [Fact]
    public async Task ReadTrack_ReturnsOldestFirst_WithinFromToBounds_UpToTheLimit()
    {
        var (tenant, technician) = NewTechnician();
        var pings = Enumerable.Range(0, 10).Select(i => Ping(tenant, technician, T0.AddSeconds(i))).ToList();
        await history.StoreAsync([.. pings.AsEnumerable().Reverse()]);

        Assert.Equal(pings[2..6], await history.ReadTrackAsync(tenant, technician, T0.AddSeconds(2), T0.AddSeconds(6), 100));
        Assert.Equal(pings[..3], await history.ReadTrackAsync(tenant, technician, T0, T0.AddHours(1), 3));
        Assert.Equal(pings, await history.ReadTrackAsync(tenant, technician, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 100));
        Assert.Empty(await history.ReadTrackAsync(tenant, technician, T0, T0.AddHours(1), 0));
        // Bounds finer than a microsecond still compare exactly: from is inclusive, to exclusive.
        var tick = TimeSpan.FromTicks(1);
        Assert.Equal(pings[3..7], await history.ReadTrackAsync(tenant, technician, T0.AddSeconds(2) + tick, T0.AddSeconds(6) + tick, 100));
    }

    [Fact]
    public async Task ReadLatest_SkipsOutliers()
    {
        var (tenant, technician) = NewTechnician();
        var good = Ping(tenant, technician, T0.AddSeconds(1));
        await history.StoreAsync([Ping(tenant, technician, T0), good, Ping(tenant, technician, T0.AddSeconds(2), outlier: true)]);

        Assert.Equal(good, await history.ReadLatestAsync(tenant, technician));
        Assert.Null(await history.ReadLatestAsync(tenant, "nobody"));
    }

    [Fact]
    public async Task Values_RoundTrip_AtMicrosecondsAndFloatPrecision_WithUnknownsStayingUnknown()
    {
        var (tenant, technician) = NewTechnician();
        // 7 ticks below the microsecond and a non-UTC offset: stored as the same instant, truncated to the microsecond.
        var fixTime = new DateTimeOffset(2026, 11, 21, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var receivedAt = fixTime.AddTicks(20_000_009);
        var full = new PingRecord(tenant, technician, new GpsFix(fixTime, -33.868820123456, 151.209295987654)
        {
            SpeedMetersPerSecond = 13.37,
            HeadingDegrees = 359.99,
            AltitudeMeters = -12.345678,
            AccuracyMeters = 4.5,
            BatteryPercent = 87.3,
        }, receivedAt, IsOutlier: true);
        var bare = Ping(tenant, technician, fixTime.AddSeconds(1));
        await history.StoreAsync([full, bare]);

        var expectedFull = full with
        {
            Fix = full.Fix with
            {
                Time = fixTime.AddTicks(-7),
                SpeedMetersPerSecond = (float)13.37,
                HeadingDegrees = (float)359.99,
                AltitudeMeters = (float)-12.345678,
                AccuracyMeters = 4.5,
                BatteryPercent = (float)87.3,
            },
            ReceivedAt = receivedAt.AddTicks(-6),
        };
        var expectedBare = bare with { Fix = bare.Fix with { Time = bare.Fix.Time.AddTicks(-7) }, ReceivedAt = bare.ReceivedAt.AddTicks(-7) };
        var stored = await ReadAllAsync(history, tenant, technician);
        Assert.Equal([expectedFull, expectedBare], stored);
        Assert.All(stored, ping => Assert.Equal(TimeSpan.Zero, ping.Fix.Time.Offset));
    }

    [Fact]
    public async Task GracefulHostStop_StoresWhatWasQueued_AndAnswersEveryCaller()
    {
        var (tenant, technician) = NewTechnician();
        var pings = Enumerable.Range(0, 500).Select(i => Ping(tenant, technician, T0.AddSeconds(i))).ToList();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        // Batches of 10, so most of the 50 calls are still queued when the stop begins.
        builder.Services.AddPingHistory(options =>
        {
            var target = database.CreateOptions();
            options.Invariant = target.Invariant;
            options.ConnectionString = target.ConnectionString;
            options.BatchSize = 10;
        });
        using var host = builder.Build();
        await host.StartAsync();

        var history = host.Services.GetRequiredService<IPingHistory>();
        var stores = pings.Chunk(10).Select(chunk => history.StoreAsync(chunk)).ToList();
        await host.StopAsync();

        await Task.WhenAll(stores); // every caller hears "stored", none "refused"
        Assert.Equal(pings, await ReadAllAsync(this.history, tenant, technician));
    }

    [Fact]
    public async Task ConcurrentStoresFromManyThreads_AreAllStoredExactlyOnce()
    {
        const int technicians = 200, pingsEach = 100, threads = 8;
        var tenant = "tenant-" + Guid.NewGuid().ToString("N");
        var pings = Enumerable.Range(0, technicians)
            .SelectMany(t => Enumerable.Range(0, pingsEach).Select(i => Ping(tenant, $"tech-{t}", T0.AddSeconds(i))))
            .ToArray();

        // Every thread stores every other ping, so each ping arrives twice, from two threads, in lists of 1 to 50.
        await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
        {
            var mine = pings.Where((_, index) => index % (threads / 2) == thread % (threads / 2)).ToArray();
            var random = new Random(thread);
            var stores = new List<Task>();
            for (var start = 0; start < mine.Length;)
            {
                var count = Math.Min(random.Next(1, 51), mine.Length - start);
                stores.Add(history.StoreAsync(mine[start..(start + count)]));
                start += count;
            }
            await Task.WhenAll(stores);
        })));

        for (var t = 0; t < technicians; t++)
        {
            var expected = pings[(t * pingsEach)..((t + 1) * pingsEach)];
            Assert.Equal(expected, await ReadAllAsync(history, tenant, $"tech-{t}"));
        }
    }

    [Fact]
    public async Task WhileTheTableIsGone_StoresAreRefusedAfterTheWriteWait_NothingOfThemIsStored_AndARetryOnceItIsBackIs()
    {
        var logger = new RecordingLogger<PingHistory>();
        await using var patient = await StartAsync(options => options.MaxWriteWait = TimeSpan.FromMilliseconds(500), logger);
        var (tenant, technician) = NewTechnician();
        var pings = Enumerable.Range(0, 50).Select(i => Ping(tenant, technician, T0.AddSeconds(i))).ToList();

        await database.ExecuteAsync("DROP TABLE technician_pings");
        var first = patient.StoreAsync(pings[..25]);
        await Eventually.TrueAsync(() => logger.HasError("Writing 25 pings"), "the failed write is logged");
        Assert.False(first.IsCompleted); // retried for the write wait, not refused at the first failure
        await Assert.ThrowsAsync<StorageUnavailableException>(() => first.WaitAsync(Patience));
        // The database is known to be failing: the next store gets one attempt, not another write wait.
        await Assert.ThrowsAsync<StorageUnavailableException>(() => patient.StoreAsync(pings[25..]).WaitAsync(Patience));

        await patient.InitializeAsync(); // creates the table again
        Assert.Empty(await ReadAllAsync(patient, tenant, technician));
        await patient.StoreAsync(pings).WaitAsync(Patience); // what a phone does with fixes it was refused

        Assert.Equal(pings, await ReadAllAsync(patient, tenant, technician));
        Assert.Equal(50, patient.DroppedPings); // refused to their callers, then sent again
        Assert.Contains(logger.Entries, entry => entry.Message.StartsWith("Wrote 50 pings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFullQueue_RefusesNewPingsAtOnce_AndKeepsTheQueuedOnes()
    {
        var logger = new RecordingLogger<PingHistory>();
        await using var small = await StartAsync(options => { options.BatchSize = 1; options.MaxQueuedPings = 5; options.MaxWriteWait = TimeSpan.FromMinutes(5); }, logger);
        var (tenant, technician) = NewTechnician();
        var pings = Enumerable.Range(0, 7).Select(i => Ping(tenant, technician, T0.AddSeconds(i))).ToList();

        await database.ExecuteAsync("DROP TABLE technician_pings");
        var inHand = small.StoreAsync([pings[0]]);
        await Eventually.TrueAsync(() => logger.HasError("Writing 1 pings"), "the writer holds the first ping and retries it");
        var queued = pings[1..6].Select(ping => small.StoreAsync([ping])).ToList();
        var refused = small.StoreAsync([pings[6]]);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => refused);
        Assert.True(logger.HasError("queue is full"));
        await small.InitializeAsync();
        await Task.WhenAll([inHand, .. queued]).WaitAsync(Patience);
        Assert.Equal(pings[..6], await ReadAllAsync(small, tenant, technician));
    }

    [Fact]
    public async Task APingTheDatabaseRefuses_FailsItsCall_AndTheRestOfItsBatchIsStored()
    {
        var logger = new RecordingLogger<PingHistory>();
        await using var writer = await StartAsync(logger: logger);
        var (tenant, technician) = NewTechnician();
        var before = Ping(tenant, technician, T0);
        var after = Ping(tenant, technician, T0.AddSeconds(2));

        await Assert.ThrowsAsync<ArgumentException>(() => writer.StoreAsync([before, RefusedPing(tenant, T0.AddSeconds(1)), after]).WaitAsync(Patience));
        await writer.FlushAsync(); // the call fails at the refused ping; the writer goes on with the ones after it

        Assert.Equal([before, after], await ReadAllAsync(writer, tenant, technician));
        Assert.Equal(1, writer.DroppedPings);
        Assert.True(logger.HasError("refused the ping"));
    }

    [Fact]
    public async Task StartingAgainstAnUnreachableDatabase_ThrowsAOneLineConfigurationError()
    {
        await using var unreachable = new PingHistory(database.CreateUnreachableOptions(), NullLogger<PingHistory>.Instance);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => unreachable.InitializeAsync());

        Assert.StartsWith("Ping history: cannot reach ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    protected static PingRecord Ping(string tenantId, string technicianId, DateTimeOffset time, double latitude = 45.5, bool outlier = false) =>
        new(tenantId, technicianId, new GpsFix(time, latitude, -73.56), time.AddSeconds(1), outlier);

    private async Task<PingHistory> StartAsync(Action<PingHistoryOptions>? configure = null, RecordingLogger<PingHistory>? logger = null)
    {
        var options = database.CreateOptions();
        configure?.Invoke(options);
        var started = new PingHistory(options, logger ?? (ILogger<PingHistory>)NullLogger<PingHistory>.Instance);
        await started.InitializeAsync();
        return started;
    }

    private static async Task<List<PingRecord>> ReadAllAsync(PingHistory reader, string tenantId, string technicianId) =>
        [.. await reader.ReadTrackAsync(tenantId, technicianId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10_000)];

    private static (string Tenant, string Technician) NewTechnician() =>
        ("tenant-" + Guid.NewGuid().ToString("N"), "tech-" + Guid.NewGuid().ToString("N"));
}
