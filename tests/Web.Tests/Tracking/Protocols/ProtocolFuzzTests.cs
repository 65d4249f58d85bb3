using OrleansPortal.Web.Tracking.Protocols;

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

/// <summary>
/// Thousands of hostile requests per reader, from fixed seeds: none may throw (an exception here would be a 5xx
/// for a phone that sent garbage), and whatever is read must be usable downstream.
/// </summary>
public sealed class ProtocolFuzzTests
{
    private const int InputsPerReader = 3000;
    private static readonly DateTimeOffset ServerTime = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task OsmAndReader_NeverThrows_OnHostileInput() => FuzzAsync(
        seed: 5055,
        request => OsmAndProtocol.ReadAsync(request, ServerTime, CancellationToken.None),
        jsonTemplates:
        [
            """{"device_id":$,"location":{"timestamp":$,"coords":{"latitude":$,"longitude":$,"speed":$,"heading":$,"altitude":$,"accuracy":$},"battery":{"level":$}}}""",
            """[{"device_id":$,"location":[{"timestamp":$,"coords":{"latitude":$,"longitude":$}},$]},{"coords":$,"timestamp":$},$]""",
            """{"device_id":"d","location":{"coords":{"latitude":$,"longitude":$,"speed":$},"battery":$}}""",
            """{"location":$,"device_id":$}""",
        ],
        samples:
        [
            """{"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},"battery":{"level":1,"is_charging":false},"_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"48241179"}""",
            "id=123456&timestamp=1377177267&lat=60.0&lon=30.0&speed=0.0&bearing=0.0&altitude=0&hdop=0.0",
            "deviceid=12345&lat=48.8566&lon=2.3522&timestamp=2021-01-01T00:00:00Z&speed=15&bearing=270&altitude=35&accuracy=10&batt=75",
        ]);

    [Fact]
    public Task OwnTracksReader_NeverThrows_OnHostileInput() => FuzzAsync(
        seed: 5144,
        request => OwnTracksProtocol.ReadAsync(request, CancellationToken.None),
        jsonTemplates:
        [
            """{"_type":"location","lat":$,"lon":$,"tst":$,"acc":$,"alt":$,"vel":$,"cog":$,"batt":$}""",
            """[{"_type":$,"lat":$,"lon":$,"tst":$},$,{"_type":"location","lat":1,"lon":2,"tst":$,"vel":$}]""",
            """{"_type":$,"lat":$,"lon":$,"tst":$}""",
            """{"_type":"location","lat":$,"lon":$,"tst":$}""",
        ],
        samples:
        [
            """{"_type":"location","tid":"42","lat":48.8566,"lon":2.3522,"tst":1718459112,"acc":9,"alt":35,"vel":27,"cog":270,"batt":81,"bs":1,"conn":"m","t":"t","topic":"owntracks/http/42","created_at":1718459113}""",
            """[{"_type":"transition","event":"enter","lat":48.8,"lon":2.3,"tst":1718459112},{"_type":"lwt","tst":1}]""",
        ]);

    [Fact]
    public Task PingBatchReader_NeverThrows_OnHostileInput() => FuzzAsync(
        seed: 1000,
        request => PingBatchProtocol.ReadAsync(request, CancellationToken.None),
        jsonTemplates:
        [
            """{"pings":[{"device":$,"time":$,"lat":$,"lon":$,"speed":$,"heading":$,"altitude":$,"accuracy":$,"battery":$}]}""",
            """{"pings":[{"time":$,"lat":$,"lon":$},$,{"device":"d","time":"2025-06-15T13:45:12Z","lat":$,"lon":$,"x":$}],"other":$}""",
            """{"pings":$}""",
            """{"pings":[{"device":$,"time":"2025-06-15T13:45:12Z","lat":1,"lon":2}],"pings":$}""",
        ],
        samples:
        [
            """{"pings":[{"device":"dev-1","time":"2025-06-15T13:45:12.862+02:00","lat":48.8566,"lon":2.3522,"speed":4.5,"heading":270,"altitude":35,"accuracy":8,"battery":81},{"time":"2025-06-15T13:45:13Z","lat":1,"lon":2}]}""",
        ]);

    private static async Task FuzzAsync(int seed, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<ProtocolReadResult>> read, string[] jsonTemplates, string[] samples)
    {
        var random = new Random(seed);
        var (withPings, withErrors) = (0, 0);
        for (var i = 0; i < InputsPerReader; i++)
        {
            var input = FuzzInput.Next(random, jsonTemplates, samples);
            ProtocolReadResult result;
            try
            {
                result = await read(input.ToRequest());
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"input {i} threw: {input}\n{ex}");
                return;
            }
            AssertUsable(result, input);
            withPings += result.Pings.Count > 0 ? 1 : 0;
            withErrors += result.IsValid ? 0 : 1;
        }

        // Inputs that all fail at the first check would prove nothing about the code behind it.
        Assert.True(withPings >= 20, $"only {withPings} inputs gave pings");
        Assert.True(withErrors >= InputsPerReader / 2, $"only {withErrors} inputs gave errors");
    }

    private static void AssertUsable(ProtocolReadResult result, FuzzInput input)
    {
        Assert.True(result.Errors.Count <= 101, $"unbounded errors for {input}");
        foreach (var (key, messages) in result.Errors)
            Assert.True(key.Length > 0 && messages.Length > 0 && messages.All(m => m.Length is > 0 and < 300), $"bad error '{key}' for {input}");
        foreach (var ping in result.Pings)
        {
            var fix = ping.Fix;
            Assert.False(string.IsNullOrWhiteSpace(ping.DeviceToken), $"ping without a token for {input}");
            Assert.Equal(TimeSpan.Zero, fix.Time.Offset);
            Assert.True(double.IsFinite(fix.Latitude) && double.IsFinite(fix.Longitude), $"non-finite position for {input}");
            double?[] optional = [fix.SpeedMetersPerSecond, fix.HeadingDegrees, fix.AltitudeMeters, fix.AccuracyMeters, fix.BatteryPercent];
            Assert.True(optional.All(v => v is null || double.IsFinite(v.Value)), $"non-finite value for {input}");
        }
    }
}
