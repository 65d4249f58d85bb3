using System.Net.Http.Json;
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

        var positions = await hub.NextAsync("Positions", TimeSpan.FromSeconds(10));
        Assert.Equal("EnRoute", Assert.Single(positions.EnumerateArray()).GetProperty("status").GetString());
    }
}
