using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.LiveMap;

/// <summary>The live map's snapshot on PostgreSQL, after a restart: nothing is active, and every technician is there with their last position.</summary>
public sealed class PostgresLiveMapTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private PortalFactory App() => _database.App();

    [Fact]
    public async Task AfterARestart_TheSnapshotHasEveryTechnicianWithTheirLastPosition()
    {
        string email;
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        var pinged = new Dictionary<string, double>();
        string quiet;
        using (var app = App())
        {
            var company = await TenantScenario.CreateAsync(app);
            email = company.Email;
            for (var i = 0; i < 3; i++)
            {
                var tech = await company.AddTechnicianAsync($"Tech {i}");
                var device = await company.IssueTokenAsync(tech.Id);
                var latitude = 41.15 + i * 0.01;
                await app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&timestamp={t0.ToUnixTimeSeconds()}&lat={latitude}&lon=-8.61");
                pinged[tech.Id] = latitude;
            }

            quiet = (await company.AddTechnicianAsync("Quiet")).Id;
        }

        using var restarted = App();
        var again = await TenantScenario.SignInAsync(restarted, email);
        await using var hub = await SignalRTestClient.ConnectAsync(restarted, "/hubs/live-map", again.Cookie);
        var snapshot = (await hub.NextAsync("Snapshot", TimeSpan.FromSeconds(30))).EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);

        Assert.Equal(pinged.Keys.Append(quiet).Order(StringComparer.Ordinal), snapshot.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, latitude) in pinged)
        {
            Assert.Equal(latitude, snapshot[id].GetProperty("position").GetProperty("lat").GetDouble(), 6);
            Assert.Equal(t0.ToUnixTimeSeconds(), snapshot[id].GetProperty("position").GetProperty("time").GetDateTimeOffset().ToUnixTimeSeconds());
        }

        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot[quiet].GetProperty("position").ValueKind);
    }
}
