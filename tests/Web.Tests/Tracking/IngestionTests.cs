using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Tracking;

public sealed class IngestionTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public IngestionTests(PortalFactory app) => _app = app;

    private static long Epoch(DateTimeOffset t) => t.ToUnixTimeSeconds();

    [Fact]
    public async Task OsmAndPing_MovesTheTechnician()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var now = DateTimeOffset.UtcNow;

        var response = await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.1579&lon=-8.6291&timestamp={Epoch(now)}&speed=10&bearing=90");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(41.1579, seen.Position!.Lat, 6);
        Assert.Equal(-8.6291, seen.Position.Lon, 6);
        Assert.Equal(10 * 0.514444 * 3.6, seen.Position.SpeedKmh!.Value, 1); // knots in, km/h out
    }

    [Fact]
    public async Task JsonBatch_CountsDuplicatesOutOfOrderAndOutliers()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);

        var first = await client.PostAsJsonAsync("/api/v1/pings", new { pings = new object[]
        {
            new { time = t0, lat = 41.1500, lon = -8.6100 },
            new { time = t0.AddSeconds(30), lat = 41.1510, lon = -8.6110 },
            new { time = t0.AddSeconds(60), lat = 38.7223, lon = -9.1393 }, // Lisbon, 270 km in 30 s: an outlier
        } });
        var replay = await client.PostAsJsonAsync("/api/v1/pings", new { pings = new object[]
        {
            new { time = t0.AddSeconds(30), lat = 41.1510, lon = -8.6110 }, // replayed from an offline buffer
            new { time = t0.AddSeconds(10), lat = 41.1505, lon = -8.6105 }, // late, older than the position
        } });

        Assert.Equal(new PingBatchResult(2, 0, 0, 1), await first.Content.ReadFromJsonAsync<PingBatchResult>());
        Assert.Equal(new PingBatchResult(0, 1, 1, 0), await replay.Content.ReadFromJsonAsync<PingBatchResult>());
        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(41.1510, seen.Position!.Lat, 6);
    }

    [Fact]
    public async Task InvalidPing_IsRejectedWithItsReason_AndNothingIsStored()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);
        var now = DateTimeOffset.UtcNow;

        var response = await client.PostAsJsonAsync("/api/v1/pings", new { pings = new object[]
        {
            new { time = now, lat = 41.15, lon = -8.61 },
            new { time = now.AddMinutes(5), lat = 91.0, lon = -8.61 },
        } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("pings[1].lat", problem);
        Assert.Contains("pings[1].time", problem);
        Assert.Null((await company.GetTechnicianAsync(tech.Id)).Position);
    }

    [Fact]
    public async Task UnknownOrRevokedToken_Gets401_AndNothingIsStored()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var now = Epoch(DateTimeOffset.UtcNow);

        var unknown = await _app.CreateClient().GetAsync($"/gps/osmand?id=not-a-token&lat=41.15&lon=-8.61&timestamp={now}");
        Assert.Equal(HttpStatusCode.NoContent, (await company.Dispatcher.DeleteAsync($"/api/v1/technicians/{tech.Id}/devices/{device.DeviceId}")).StatusCode);
        var revoked = await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.15&lon=-8.61&timestamp={now}");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Null((await company.GetTechnicianAsync(tech.Id)).Position);
    }

    [Fact]
    public async Task RevokingAToken_RefusesItsNextPing_RightAfterTheTokenWasUsed()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        var used = await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.15&lon=-8.61&timestamp={Epoch(t0)}");

        Assert.Equal(HttpStatusCode.NoContent, (await company.Dispatcher.DeleteAsync($"/api/v1/technicians/{tech.Id}/devices/{device.DeviceId}")).StatusCode);
        var afterRevoking = await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.16&lon=-8.61&timestamp={Epoch(t0.AddSeconds(30))}");
        var later = await _app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&lat=41.17&lon=-8.61&timestamp={Epoch(t0.AddSeconds(60))}");

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoking.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
        Assert.Equal(41.15, (await company.GetTechnicianAsync(tech.Id)).Position!.Lat, 6);
    }

    [Fact]
    public async Task DeviceToken_OnlyEverMovesItsOwnTechnician()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var x = await company.AddTechnicianAsync("Xavier");
        var y = await company.AddTechnicianAsync("Yara");
        var xToken = await company.IssueTokenAsync(x.Id);

        // Whatever else the request names, the token decides whose position this is.
        var response = await _app.CreateClient().GetAsync(
            $"/gps/osmand?id={xToken.Token}&deviceid={y.Id}&technician={y.Id}&lat=41.15&lon=-8.61&timestamp={Epoch(DateTimeOffset.UtcNow)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await company.GetTechnicianAsync(x.Id)).Position);
        Assert.Null((await company.GetTechnicianAsync(y.Id)).Position);
    }

    [Fact]
    public async Task OwnTracksLocation_IsStored_AndAnsweredWithAnEmptyArray()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var request = new HttpRequestMessage(HttpMethod.Post, "/gps/owntracks")
        {
            Content = new StringContent(
                $$"""{"_type":"location","tid":"42","lat":41.1496,"lon":-8.6109,"tst":{{Epoch(DateTimeOffset.UtcNow)}},"acc":9,"vel":27,"cog":270,"batt":81}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"tech-42:{device.Token}")));

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(27, seen.Position!.SpeedKmh!.Value, 1);
    }

    [Fact]
    public async Task Track_IsGeoJson_WithOutliersApart()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var device = await company.IssueTokenAsync(tech.Id);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);
        await client.PostAsJsonAsync("/api/v1/pings", new { pings = new object[]
        {
            new { time = t0, lat = 41.1500, lon = -8.6100 },
            new { time = t0.AddSeconds(15), lat = 41.1503, lon = -8.6104 },
            new { time = t0.AddSeconds(30), lat = 40.0, lon = -8.0 },
            new { time = t0.AddSeconds(45), lat = 41.1506, lon = -8.6108 },
        } });

        using var track = JsonDocument.Parse(await company.Dispatcher.GetStringAsync($"/api/v1/technicians/{tech.Id}/track"));

        var features = track.RootElement.GetProperty("features");
        Assert.Equal("FeatureCollection", track.RootElement.GetProperty("type").GetString());
        Assert.Equal(3, features[0].GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        Assert.Equal(-8.6100, features[0].GetProperty("geometry").GetProperty("coordinates")[0][0].GetDouble(), 6); // [lon, lat]
        Assert.True(features[1].GetProperty("properties").GetProperty("outlier").GetBoolean());
    }
}
