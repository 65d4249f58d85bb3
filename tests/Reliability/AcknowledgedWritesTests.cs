using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Reliability.Tests;

/// <summary>
/// The app under mixed load (a fleet's pings, new tickets, status changes, chat messages) is killed with SIGKILL,
/// loses its database, or both, round after round; afterwards every write is looked up in the database. Whatever was
/// acknowledged is there; whatever was answered with an error is not. Grain storage that fails on demand, inside the
/// grains, is covered by Grains.Tests/Persistence (it needs the test cluster's storage hooks, which the real process
/// does not have).
/// </summary>
public sealed class AcknowledgedWritesTests : IAsyncLifetime
{
    private readonly ChaosApp _app = new();
    private ChaosRun _chaos = null!;
    private OfficeWrites _writes = null!;
    private PingTraffic _pings = null!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var company = await ChaosCompany.CreateAsync(_app.Address, ChaosApp.AdminKey, technicians: 20, tickets: 4);
        _writes = new OfficeWrites(_app.Address, company.Company, company.CustomerId, company.PropertyId, company.Tickets);
        _pings = new PingTraffic(_app.Address, company.Fleet, TimeSpan.FromMilliseconds(200));
        _chaos = new ChaosRun(_app, _writes, _pings, new StoredWrites(_app.ConnectionString), company.Company.TenantId, seed: 11);
    }

    [Fact]
    public async Task KilledRepeatedlyUnderLoad_NoAcknowledgedWriteIsLost_AndNoRefusedOneApplied()
    {
        for (var round = 1; round <= 3; round++) await _chaos.RoundAsync(ChaosFault.Kill, $"kill{round}");

        await AssertTallyAsync(expectRefusals: false);
    }

    [Fact]
    public async Task ADatabaseOutage_RefusesWhatItCannotStore_AndLosesNothing()
    {
        for (var round = 1; round <= 2; round++) await _chaos.RoundAsync(ChaosFault.Outage, $"outage{round}");

        await AssertTallyAsync(expectRefusals: true);
    }

    [Fact]
    public async Task KilledDuringADatabaseOutage_NoAcknowledgedWriteIsLost_AndNoRefusedOneApplied()
    {
        for (var round = 1; round <= 2; round++) await _chaos.RoundAsync(ChaosFault.OutageThenKill, $"outagekill{round}");

        await AssertTallyAsync(expectRefusals: true);
    }

    private async Task AssertTallyAsync(bool expectRefusals)
    {
        var tally = await _chaos.TallyAsync();
        Assert.True(tally.Lost.Count == 0, $"{tally.Lost.Count} acknowledged writes are not stored: {string.Join(", ", tally.Lost.Take(20))}\n{_app.RecentLog()}");
        Assert.True(tally.Phantom.Count == 0, $"{tally.Phantom.Count} refused writes are stored: {string.Join(", ", tally.Phantom.Take(20))}\n{_app.RecentLog()}");
        // The load did happen, and an outage was felt: an idle run would pass the two checks above.
        Assert.True(_writes.Acknowledged.Count >= 10, $"only {_writes.Acknowledged.Count} office writes were acknowledged");
        Assert.True(_pings.Acknowledged().Count() >= 100, $"only {_pings.Acknowledged().Count()} pings were acknowledged");
        if (expectRefusals) Assert.True(tally.Refused > 0, "the outage refused nothing: it was not felt");
    }

    public async Task DisposeAsync()
    {
        await _pings.DisposeAsync();
        await _writes.DisposeAsync();
        await _app.DisposeAsync();
    }
}
