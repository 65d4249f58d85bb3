using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.LiveMap;

public sealed class LiveMapHubTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public LiveMapHubTests(PortalFactory app) => _app = app;

    [Fact]
    public async Task ConnectingDashboard_GetsEveryCurrentPositionFirst()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync("Ivo");
        var device = await company.IssueTokenAsync(tech.Id);
        await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.15&lon=-8.61&timestamp={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");

        await using var hub = await SignalRTestClient.ConnectAsync(_app, "/hubs/live-map", company.Cookie);
        var snapshot = await hub.NextAsync("Snapshot", TimeSpan.FromSeconds(10));

        var ivo = Assert.Single(snapshot.EnumerateArray());
        Assert.Equal(41.15, ivo.GetProperty("position").GetProperty("lat").GetDouble(), 6);
    }

    [Fact]
    public async Task StatusChange_ReachesTheDashboardWithoutWaitingForAPing()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync("Joana");
        var device = await company.IssueTokenAsync(tech.Id);
        await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.15&lon=-8.61&timestamp={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        await using var hub = await SignalRTestClient.ConnectAsync(_app, "/hubs/live-map", company.Cookie);
        await hub.NextAsync("Snapshot", TimeSpan.FromSeconds(10));

        (await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();

        // The ping's own change may reach the group after the hub joined it (streams deliver asynchronously): it carries
        // the old status, so skip past it; without the status change, no further message comes and NextAsync times out.
        string? status;
        do status = Assert.Single((await hub.NextAsync("Positions", TimeSpan.FromSeconds(10))).EnumerateArray()).GetProperty("status").GetString();
        while (status == "OffDuty");
        Assert.Equal("EnRoute", status);
    }

    [Fact]
    public async Task Snapshot_HoldsEachTechniciansNameStatusAndNewestPosition_AsTheTechnicianHasIt()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var moving = await company.AddTechnicianAsync("Moving Marta");
        var silent = await company.AddTechnicianAsync("Silent Sara");
        (await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{moving.Id}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        var device = await company.IssueTokenAsync(moving.Id);
        var phone = _app.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);
        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds()); // devices send whole seconds or milliseconds
        (await phone.PostAsJsonAsync("/api/v1/pings", new { pings = new object[]
        {
            new { time = t0, lat = 41.1500, lon = -8.6100 },
            new { time = t0.AddSeconds(30), lat = 41.1510, lon = -8.6110, speed = 10, heading = 270 },
            new { time = t0.AddSeconds(60), lat = 38.7223, lon = -9.1393 }, // Lisbon, 270 km in 30 s: an outlier, never the position
        } })).EnsureSuccessStatusCode();
        (await phone.PostAsJsonAsync("/api/v1/pings", new { pings = new object[] { new { time = t0.AddSeconds(10), lat = 41.1505, lon = -8.6105 } } }))
            .EnsureSuccessStatusCode(); // late: older than the position

        await using var hub = await SignalRTestClient.ConnectAsync(_app, "/hubs/live-map", company.Cookie);
        var snapshot = (await hub.NextAsync("Snapshot", TimeSpan.FromSeconds(10))).EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);

        Assert.Equal(new[] { moving.Id, silent.Id }.Order(StringComparer.Ordinal), snapshot.Keys.Order(StringComparer.Ordinal));
        var marta = snapshot[moving.Id];
        Assert.Equal("Moving Marta", marta.GetProperty("name").GetString());
        Assert.Equal("EnRoute", marta.GetProperty("status").GetString());
        var position = marta.GetProperty("position");
        var held = (await company.GetTechnicianAsync(moving.Id)).Position!;
        Assert.Equal(41.1510, held.Lat, 6);
        Assert.Equal(held.Lat, position.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(held.Lon, position.GetProperty("lon").GetDouble(), 6);
        Assert.Equal(held.Time, position.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(36.0, position.GetProperty("speedKmh").GetDouble(), 1);
        Assert.Equal(270, position.GetProperty("heading").GetDouble(), 1);
        Assert.Equal("Silent Sara", snapshot[silent.Id].GetProperty("name").GetString());
        Assert.Equal("OffDuty", snapshot[silent.Id].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot[silent.Id].GetProperty("position").ValueKind);
    }
}
