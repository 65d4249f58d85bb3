using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Tracking;

/// <summary>
/// Thousands of generated malformed requests to the three ingestion endpoints, all carrying a valid device token:
/// none may get a 5xx, none may be accepted, and the technician must end with no position and an empty track.
/// </summary>
public sealed class MalformedInputTests : IClassFixture<PortalFactory>
{
    // Not a number at all, or not a finite one: wrong for any field.
    private static readonly string[] BadNumbers =
        [" ", "abc", "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x10", "1,5", "--1", "١٢", "null", "[]", "{}", "\u0000", new string('9', 5000)];

    // Numbers, but outside the field's range.
    private static readonly string[] BadLatitudes = [.. BadNumbers, "91", "-90.5", "181"];
    private static readonly string[] BadLongitudes = [.. BadNumbers, "181", "-180.0001", "360"];

    // An empty timestamp is not here: OsmAnd reads a missing timestamp as "now".
    private static readonly string[] BadTimes =
        ["yesterday", "2026-13-45T99:99:99Z", "-1", "99999999999999999999", "1e400", "NaN", "\"\"", "2000-01-01T00:00:00Z", "3000-01-01T00:00:00Z"];

    private readonly PortalFactory _app;

    public MalformedInputTests(PortalFactory app) => _app = app;

    [Fact]
    public async Task MalformedPings_NeverGet5xx_AndStoreNothing()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var token = (await company.IssueTokenAsync(tech.Id)).Token;
        var random = new Random(20261121);
        var client = _app.CreateClient();
        var failures = new List<string>();

        for (var i = 0; i < 2400; i++)
        {
            var request = (i % 3) switch
            {
                0 => OsmAnd(random, token),
                1 => Batch(random, token),
                _ => OwnTracks(random, token),
            };
            var description = $"{request.Method} {request.RequestUri} {(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500 || response.IsSuccessStatusCode)
                failures.Add($"{(int)response.StatusCode}: {description[..Math.Min(400, description.Length)]}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(8)));
        Assert.Null((await company.GetTechnicianAsync(tech.Id)).Position);
        using var track = JsonDocument.Parse(await company.Dispatcher.GetStringAsync($"/api/v1/technicians/{tech.Id}/track?from={DateTimeOffset.UtcNow.AddDays(-2):O}&to={DateTimeOffset.UtcNow.AddDays(1):O}".Replace("+", "%2B")));
        Assert.Equal(0, track.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
    }

    // A valid OsmAnd query with exactly one required field (lat, lon or timestamp) broken or removed.
    private static HttpRequestMessage OsmAnd(Random random, string token)
    {
        var fields = new Dictionary<string, string?>
        {
            ["id"] = token,
            ["lat"] = "41.15",
            ["lon"] = "-8.61",
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var broken = new[] { "lat", "lon", "timestamp" }[random.Next(3)];
        // A missing timestamp means "now" in this protocol, so only lat and lon may go missing.
        fields[broken] = broken switch
        {
            "timestamp" => Pick(random, BadTimes),
            _ when random.Next(5) == 0 => null,
            "lat" => Pick(random, BadLatitudes),
            _ => Pick(random, BadLongitudes),
        };
        var query = string.Join('&', fields.Where(f => f.Value is not null).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value!)}"));
        return random.Next(2) == 0
            ? new HttpRequestMessage(HttpMethod.Get, "/gps/osmand?" + query)
            : new HttpRequestMessage(HttpMethod.Post, "/gps/osmand") { Content = new StringContent(query, Encoding.UTF8, "application/x-www-form-urlencoded") };
    }

    // A JSON batch whose second ping is broken, or a body that is not a batch at all.
    private static HttpRequestMessage Batch(Random random, string token)
    {
        var time = JsonSerializer.Serialize(DateTimeOffset.UtcNow);
        var valid = $$"""{"time":{{time}},"lat":41.15,"lon":-8.61}""";
        var broken = random.Next(4) switch
        {
            0 => $$"""{"time":{{time}},"lat":{{Json(Pick(random, BadLatitudes))}},"lon":-8.61}""",
            1 => $$"""{"time":{{Json(Pick(random, BadTimes))}},"lat":41.15,"lon":-8.61}""",
            2 => $$"""{"time":{{time}},"lon":-8.61}""",
            _ => $$"""{"time":{{time}},"lat":41.15,"lon":-8.61,"speed":{{Json(Pick(random, BadNumbers))}},"accuracy":-5}""",
        };
        var body = random.Next(6) switch
        {
            0 => $$"""{"pings":[{{valid}},{{broken}}""", // truncated
            1 => "[" + valid + "]",
            2 => """{"pings":"lots"}""",
            _ => $$"""{"pings":[{{valid}},{{broken}}]}""",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pings") { Content = new StringContent(body, Encoding.UTF8, random.Next(8) == 0 ? "text/plain" : "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    private static HttpRequestMessage OwnTracks(Random random, string token)
    {
        var tst = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = random.Next(4) switch
        {
            0 => $$"""{"_type":"location","lat":{{Json(Pick(random, BadLatitudes))}},"lon":-8.61,"tst":{{tst}}}""",
            1 => $$"""{"_type":"location","lat":41.15,"lon":-8.61,"tst":{{Json(Pick(random, BadTimes))}}}""",
            2 => $$"""{"_type":"location","lat":41.15,"tst":{{tst}}}""",
            _ => $$"""{"_type":"location","lat":41.15,"lon":-8.61,"tst":{{tst}},"vel":{{Json(Pick(random, BadNumbers))}},"acc":-3""",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/gps/owntracks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"tech:{token}")));
        return request;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    // Half the time as a JSON string, half as a bare token (which may well be invalid JSON: that is the point).
    private static string Json(string value) => value.Length % 2 == 0 ? JsonSerializer.Serialize(value) : value;
}
