using Microsoft.Extensions.Logging.Abstractions;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Companies;

/// <summary>The roster's contract, run once per database by the sealed subclasses. Each test uses fresh tenants.</summary>
public abstract class TechnicianRosterTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private PingHistory _history = null!;
    private TechnicianRoster _roster = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _history = new PingHistory(database.CreateOptions(), NullLogger<PingHistory>.Instance);
        await _history.InitializeAsync();
        _roster = new TechnicianRoster(_tables);
    }

    public async Task DisposeAsync()
    {
        await _history.DisposeAsync();
        await _tables.DisposeAsync();
    }

    [Fact]
    public async Task SavingATechnicianAgain_KeepsOneRow_WithTheLatestNameAndStatus()
    {
        var tenant = NewTenant();
        var id = TenantKeys.NewId();

        await _roster.SaveAsync(tenant, new RosterEntry(id, "Ana", TechnicianStatus.OffDuty));
        await _roster.SaveAsync(tenant, new RosterEntry(id, "Ana", TechnicianStatus.OffDuty));
        await _roster.SaveAsync(tenant, new RosterEntry(id, "Ana Ferreira", TechnicianStatus.EnRoute));

        Assert.Equal(1, await _roster.CountAsync(tenant));
        Assert.Equal([new RosterEntry(id, "Ana Ferreira", TechnicianStatus.EnRoute)], await _roster.ListAsync(tenant, null, 10));
    }

    [Fact]
    public async Task Pages_ListEveryTechnicianOnce_ByNameIgnoringCase_ThenById()
    {
        var tenant = NewTenant();
        string[] names = ["bruno", "Ana", "carla", "ana", "Bruno", "Diogo", "elsa", "ANA", "Filipe", "diogo", "Zé", "Álvaro", "ana"];
        var saved = new List<RosterEntry>();
        foreach (var name in names)
        {
            var entry = new RosterEntry(TenantKeys.NewId(), name, TechnicianStatus.Available);
            await _roster.SaveAsync(tenant, entry);
            saved.Add(entry);
        }

        var listed = new List<RosterEntry>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < names.Length, "paging does not end");
            var page = await _roster.ListAsync(tenant, after, 4);
            listed.AddRange(page);
            if (page.Count < 4) break;
            after = page[^1].TechnicianId;
        }

        var expected = saved.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.TechnicianId, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ATenant_NeverListsCountsOrResolvesAnotherTenantsTechnicians()
    {
        var (mine, theirs) = (NewTenant(), NewTenant());
        var own = new RosterEntry(TenantKeys.NewId(), "Mine", TechnicianStatus.Available);
        var other = new RosterEntry(TenantKeys.NewId(), "Theirs", TechnicianStatus.Available);
        await _roster.SaveAsync(mine, own);
        await _roster.SaveAsync(theirs, other);
        await _history.StoreAsync([Ping(theirs, other.TechnicianId, T0)]);

        Assert.Equal([own], await _roster.ListAsync(mine, null, 10));
        Assert.Equal(1, await _roster.CountAsync(mine));
        Assert.True(await _roster.ContainsAsync(mine, own.TechnicianId));
        Assert.False(await _roster.ContainsAsync(mine, other.TechnicianId));
        Assert.Empty(await _roster.ListAsync(mine, other.TechnicianId, 10)); // another tenant's id is no place to continue from
        Assert.Equal([own.TechnicianId], (await _roster.ReadLiveAsync(mine)).Select(t => t.TechnicianId));
    }

    [Fact]
    public async Task TheLiveRead_GivesEachTechniciansNewestFix_SkippingOutliers_AndNoPositionBeforeTheFirstPing()
    {
        var tenant = NewTenant();
        var moving = new RosterEntry(TenantKeys.NewId(), "Moving", TechnicianStatus.EnRoute);
        var silent = new RosterEntry(TenantKeys.NewId(), "Silent", TechnicianStatus.OffDuty);
        await _roster.SaveAsync(tenant, moving);
        await _roster.SaveAsync(tenant, silent);
        var newest = Ping(tenant, moving.TechnicianId, T0.AddSeconds(10), latitude: 41.151) with { ReceivedAt = T0.AddSeconds(12) };
        var newest2 = newest with { Fix = newest.Fix with { SpeedMetersPerSecond = 12.5, HeadingDegrees = 90, AccuracyMeters = 4 } };
        await _history.StoreAsync([
            Ping(tenant, moving.TechnicianId, T0, latitude: 41.15),
            newest2,
            Ping(tenant, moving.TechnicianId, T0.AddSeconds(20), latitude: 45) with { IsOutlier = true },
        ]);

        var live = await _roster.ReadLiveAsync(tenant);

        Assert.Equal(
            [new LiveTechnician(moving.TechnicianId, "Moving", TechnicianStatus.EnRoute, newest2.Fix, newest2.ReceivedAt),
             new LiveTechnician(silent.TechnicianId, "Silent", TechnicianStatus.OffDuty, null, null)],
            live);
    }

    [Fact]
    public async Task AnUnknownTechnician_IsNotOnTheRoster()
    {
        Assert.False(await _roster.ContainsAsync(NewTenant(), TenantKeys.NewId()));
        Assert.Empty(await _roster.ListAsync(NewTenant(), null, 10));
        Assert.Equal(0, await _roster.CountAsync(NewTenant()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TechnicianRoster.MaxPageSize + 1)]
    public async Task APageSizeOutOfRange_IsRefused(int limit) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _roster.ListAsync(NewTenant(), null, limit));

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();

    private static PingRecord Ping(string tenant, string technician, DateTimeOffset time, double latitude = 41.15) =>
        new(tenant, technician, new GpsFix(time, latitude, -8.61), time.AddSeconds(1), IsOutlier: false);
}
