using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Technicians;

/// <summary>
/// Device tokens: issued with each tracking app's setup for this deployment (its configured public address), shown
/// once, listed without the secret, marked when used, refused from the moment they are revoked, and only ever the
/// issuing company's.
/// </summary>
public sealed class DeviceTokenApiTests : IClassFixture<PortalFactory>
{
    private const string PublicBase = "https://field.example.com";

    private readonly PortalFactory _app;

    public DeviceTokenApiTests(PortalFactory app)
    {
        // Not the test server's own address: the apps must be set up with the configured public one.
        app.Settings["Portal:PublicBaseUrl"] = PublicBase + "/";
        _app = app;
    }

    private static async Task<IssuedDeviceDto> IssueAsync(TenantScenario company, string technicianId, string label = "Gil's phone", bool withSetup = true)
    {
        var response = await company.Dispatcher.PostAsJsonAsync($"/api/v1/technicians/{technicianId}/devices{(withSetup ? "" : "?setup=false")}", new { label });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the one answer with the token must not be cached");
        return (await response.Content.ReadFromJsonAsync<IssuedDeviceDto>(ApiJson.Options))!;
    }

    private static async Task<DeviceDto[]> DevicesAsync(TenantScenario company, string technicianId) =>
        (await company.Dispatcher.GetFromJsonAsync<DeviceDto[]>($"/api/v1/technicians/{technicianId}/devices", ApiJson.Options))!;

    /// <summary>The address as this test server takes it: the path and query of the public URL.</summary>
    private static string Local(string publicUrl) => publicUrl.StartsWith(PublicBase, StringComparison.Ordinal) ? publicUrl[PublicBase.Length..] : throw new InvalidOperationException(publicUrl);

    private Task<HttpResponseMessage> OsmAndPingAsync(string token, DateTimeOffset at) =>
        _app.CreateClient().GetAsync($"/gps/osmand?id={Uri.EscapeDataString(token)}&lat=41.1579&lon=-8.6291&timestamp={at.ToUnixTimeSeconds()}");

    [Fact]
    public async Task ANewToken_ComesWithEachAppsSetupForThisDeployment_AndIsNeverShownAgain()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();

        var issued = await IssueAsync(company, tech.Id);

        Assert.Equal(43, issued.Token.Length);
        Assert.Equal(issued.Token[..4], issued.TokenHint);
        Assert.Equal(PublicBase, issued.Setup!.BaseUrl);
        Assert.Equal(["TraccarClient", "OsmAnd", "GpsLogger", "OwnTracks", "WebPage"], issued.Setup.Apps.Select(a => a.App));
        var apps = issued.Setup.Apps.ToDictionary(a => a.App);
        Assert.Equal($"{PublicBase}/gps/osmand", apps["TraccarClient"].ServerUrl);
        Assert.StartsWith($"{PublicBase}/gps/osmand?id={issued.Token}&", apps["TraccarClient"].QrContent); // Traccar Client scans server and identifier from it
        Assert.Contains(apps["TraccarClient"].Settings, s => s.Name == "Device identifier" && s.Value == issued.Token);
        Assert.StartsWith($"{PublicBase}/gps/osmand?id={issued.Token}&lat={{0}}&lon={{1}}", apps["OsmAnd"].ServerUrl);
        Assert.StartsWith($"{PublicBase}/gps/osmand?id={issued.Token}&lat=%LAT&lon=%LON", apps["GpsLogger"].ServerUrl);
        Assert.Equal($"{PublicBase}/gps/owntracks", apps["OwnTracks"].ServerUrl);
        Assert.Equal($"{PublicBase}/tech/?token={issued.Token}", apps["WebPage"].QrContent);

        // OwnTracks imports its configuration from the link in its QR code.
        const string ownTracksPrefix = "owntracks:///config?inline=";
        Assert.StartsWith(ownTracksPrefix, apps["OwnTracks"].QrContent);
        using (var config = JsonDocument.Parse(Convert.FromBase64String(Uri.UnescapeDataString(apps["OwnTracks"].QrContent[ownTracksPrefix.Length..]))))
        {
            var root = config.RootElement;
            Assert.Equal(("configuration", 3, $"{PublicBase}/gps/owntracks", issued.Token), (root.GetProperty("_type").GetString(), root.GetProperty("mode").GetInt32(), root.GetProperty("url").GetString(), root.GetProperty("password").GetString()));
        }

        foreach (var app in issued.Setup.Apps)
        {
            Assert.Equal(app.QrContent, QrSvgReader.Decode(app.QrSvg)); // what a phone's camera reads is what the setup says
            Assert.NotEmpty(app.Steps);
            Assert.All(app.Steps, step => Assert.DoesNotMatch("\\{(server|token|device)\\}", step));
        }

        // Later reads name the device, never the token.
        var device = Assert.Single(await DevicesAsync(company, tech.Id));
        Assert.Equal((issued.DeviceId, "Gil's phone", issued.TokenHint, issued.IssuedAt, null, false), (device.Id, device.Label, device.TokenHint, device.IssuedAt, device.LastUsedAt, device.Revoked));
        foreach (var path in new[] { $"/api/v1/technicians/{tech.Id}/devices", $"/api/v1/technicians/{tech.Id}", "/api/v1/technicians" })
            Assert.DoesNotContain(issued.Token, await company.Dispatcher.GetStringAsync(path));
    }

    [Fact]
    public async Task EveryAppsAddress_TakesPositions_AndUseIsShownOnTheDevice()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var issued = await IssueAsync(company, tech.Id);
        var apps = issued.Setup!.Apps.ToDictionary(a => a.App);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var client = _app.CreateClient();
        string Seconds(int i) => at.AddSeconds(i).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // OsmAnd's and GPSLogger's addresses with their placeholders filled in, as the apps do.
        var osmAnd = string.Format(CultureInfo.InvariantCulture, Local(apps["OsmAnd"].ServerUrl).Replace("{0}", "41.1579").Replace("{1}", "-8.6291"), 0, 0, Seconds(0), 5, 80, 0);
        var gpsLogger = Local(apps["GpsLogger"].ServerUrl).Replace("%LAT", "41.158").Replace("%LON", "-8.629").Replace("%TIMESTAMP", Seconds(10))
            .Replace("%ALT", "80").Replace("%ACC", "5").Replace("%DIR", "90").Replace("%BATT", "70").Replace("%SPD", "1.5");
        // Traccar Client 9 posts JSON to the server URL with the identifier in the body.
        var traccar = JsonContent.Create(new
        {
            location = new { timestamp = at.AddSeconds(20), coords = new { latitude = 41.1581, longitude = -8.6288, accuracy = 5 } },
            device_id = issued.Token,
        });
        var ownTracks = new HttpRequestMessage(HttpMethod.Post, Local(apps["OwnTracks"].ServerUrl))
        {
            Content = new StringContent($$"""{"_type":"location","lat":41.1583,"lon":-8.6285,"tst":{{Seconds(30)}}}""", Encoding.UTF8, "application/json"),
        };
        ownTracks.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.DeviceId}:{issued.Token}")));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(osmAnd)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(gpsLogger, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Local(apps["TraccarClient"].ServerUrl), traccar)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ownTracks)).StatusCode);

        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(41.1583, seen.Position!.Lat, 6); // the last of the four
        Assert.NotNull(Assert.Single(await DevicesAsync(company, tech.Id)).LastUsedAt);
    }

    [Fact]
    public async Task ARevokedToken_StopsPings_AtOnce_AndStaysListedAsRevoked()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var issued = await IssueAsync(company, tech.Id);
        var spare = await IssueAsync(company, tech.Id, "spare phone", withSetup: false);
        Assert.Null(spare.Setup);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        Assert.Equal(HttpStatusCode.OK, (await OsmAndPingAsync(issued.Token, at)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await company.Dispatcher.DeleteAsync($"/api/v1/technicians/{tech.Id}/devices/{issued.DeviceId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await OsmAndPingAsync(issued.Token, at.AddSeconds(30))).StatusCode);
        var bearer = _app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = at.AddSeconds(40), lat = 41.15, lon = -8.61 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OsmAndPingAsync(spare.Token, at.AddSeconds(50))).StatusCode); // the other phone goes on
        var devices = await DevicesAsync(company, tech.Id);
        Assert.Equal([(issued.DeviceId, true), (spare.DeviceId, false)], devices.Select(d => (d.Id, d.Revoked)));
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.DeleteAsync($"/api/v1/technicians/{tech.Id}/devices/{new string('0', 12)}")).StatusCode);
    }

    [Fact]
    public async Task AnotherCompany_CannotListIssueOrRevokeTheTokens()
    {
        var ours = await TenantScenario.CreateAsync(_app);
        var theirs = await TenantScenario.CreateAsync(_app, "Rival Gardens");
        var tech = await ours.AddTechnicianAsync();
        var issued = await IssueAsync(ours, tech.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.Dispatcher.GetAsync($"/api/v1/technicians/{tech.Id}/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.Dispatcher.PostAsJsonAsync($"/api/v1/technicians/{tech.Id}/devices", new { label = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.Dispatcher.DeleteAsync($"/api/v1/technicians/{tech.Id}/devices/{issued.DeviceId}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await OsmAndPingAsync(issued.Token, DateTimeOffset.UtcNow.AddMinutes(-1))).StatusCode);
        Assert.Equal([issued.DeviceId], (await DevicesAsync(ours, tech.Id)).Select(d => d.Id));
    }
}
