using System.Text;
using OrleansPortal.Web.Tracking.Protocols;
using static OrleansPortal.Web.Tests.Tracking.Protocols.TestRequests;

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

public sealed class PingBatchProtocolTests
{
    [Fact]
    public async Task FullPing_IsReadAsSent_InMetersPerSecond()
    {
        var body = """
            {"pings":[{"device":"dev-1","time":"2025-06-15T13:45:12.862+02:00","lat":48.8566,"lon":2.3522,
                       "speed":4.5,"heading":270,"altitude":35,"accuracy":8,"battery":81,"extra":{"ignored":[1,2]}}]}
            """;

        var ping = Assert.Single(AssertValid(await Read(Create("POST", "", "application/json", body))).Pings);

        Assert.Equal("dev-1", ping.DeviceToken);
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 11, 45, 12, 862, TimeSpan.Zero), ping.Fix.Time);
        Assert.Equal(TimeSpan.Zero, ping.Fix.Time.Offset);
        Assert.Equal((48.8566, 2.3522), (ping.Fix.Latitude, ping.Fix.Longitude));
        Assert.Equal(4.5, ping.Fix.SpeedMetersPerSecond);
        Assert.Equal(270, ping.Fix.HeadingDegrees);
        Assert.Equal(35, ping.Fix.AltitudeMeters);
        Assert.Equal(8, ping.Fix.AccuracyMeters);
        Assert.Equal(81, ping.Fix.BatteryPercent);
    }

    [Fact]
    public async Task PingWithoutDevice_BelongsToTheBearerToken_AndOptionalFieldsMayBeNull()
    {
        var body = """
            {"pings":[{"time":"2025-06-15T13:45:12Z","lat":1,"lon":2,"speed":null},
                      {"device":"other","time":"2025-06-15T13:45:13Z","lat":3,"lon":4}]}
            """;
        var request = Create("POST", "", "application/json", body).WithHeader("Authorization", "Bearer page-token");

        var pings = AssertValid(await Read(request)).Pings;

        Assert.Equal(["page-token", "other"], pings.Select(p => p.DeviceToken));
        Assert.Null(pings[0].Fix.SpeedMetersPerSecond);
    }

    [Fact]
    public async Task PingWithoutDeviceOrBearer_IsAnErrorForThatPingOnly()
    {
        var body = """{"pings":[{"device":"d","time":"2025-06-15T13:45:12Z","lat":1,"lon":2},{"time":"2025-06-15T13:45:13Z","lat":3,"lon":4}]}""";

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Equal("d", Assert.Single(result.Pings).DeviceToken);
        Assert.Equal(["no device token: set device or send Authorization: Bearer <device token>"], result.Errors["pings[1].device"]);
    }

    [Fact]
    public async Task EachBadField_IsNamedWithItsPing()
    {
        var body = """
            {"pings":[
              {"device":"d","time":"2025-06-15T13:45:12Z","lat":1,"lon":2},
              {"device":"d","time":"abc","lat":"48.8","speed":1e400,"heading":true},
              {"device":"d","time":1718459112,"lon":[2]},
              "not a ping"]}
            """;

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Single(result.Pings);
        Assert.Equal(["time 'abc' is not a time"], result.Errors["pings[1].time"]);
        Assert.Equal(["lat must be a number"], result.Errors["pings[1].lat"]);
        Assert.Equal(["lon is missing"], result.Errors["pings[1].lon"]);
        Assert.Equal(["speed '1e400' is not a number"], result.Errors["pings[1].speed"]);
        Assert.Equal(["heading must be a number"], result.Errors["pings[1].heading"]);
        Assert.Equal(["time must be an ISO-8601 string"], result.Errors["pings[2].time"]);
        Assert.Equal(["lat is missing"], result.Errors["pings[2].lat"]);
        Assert.Equal(["lon must be a number"], result.Errors["pings[2].lon"]);
        Assert.Equal(["pings[3] must be an object"], result.Errors["pings[3]"]);
    }

    [Theory]
    [InlineData("2025-06-15T13:45:12Z")]
    [InlineData("2025-06-15T13:45:12.000Z")]
    [InlineData("2025-06-15T15:45:12+02:00")]
    [InlineData("2025-06-15T13:45:12")]
    [InlineData("2025-06-15 13:45:12")]
    public async Task Time_AcceptsIsoForms_AndReadsThemAsUtc(string time)
    {
        var body = $$"""{"pings":[{"device":"d","time":"{{time}}","lat":1,"lon":2}]}""";

        var ping = Assert.Single(AssertValid(await Read(Create("POST", "", "application/json", body))).Pings);

        Assert.Equal(new DateTimeOffset(2025, 6, 15, 13, 45, 12, TimeSpan.Zero), ping.Fix.Time);
    }

    [Fact]
    public async Task ThousandPings_AreRead_ButOneMoreRefusesTheBatch()
    {
        var full = await Read(Create("POST", "", "application/json", Batch(1000)).WithHeader("Authorization", "Bearer t"));
        var over = await Read(Create("POST", "", "application/json", Batch(1001)).WithHeader("Authorization", "Bearer t"));

        Assert.Equal(1000, AssertValid(full).Pings.Count);
        Assert.Empty(over.Pings);
        Assert.Equal(["a batch holds at most 1000 pings; this one has 1001"], over.Errors["pings"]);
    }

    [Fact]
    public async Task EscapedLoneSurrogate_InDevice_IsAnError()
    {
        var body = """{"pings":[{"device":"\ud800","time":"2025-06-15T13:45:12Z","lat":1,"lon":2}]}""";

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Empty(result.Pings);
        Assert.Equal(["device is not valid text"], result.Errors["pings[0].device"]);
    }

    [Theory]
    [InlineData("application/json", "{}", "pings", "pings is missing")]
    [InlineData("application/json", """{"pings":{}}""", "pings", "pings must be an array")]
    [InlineData("application/json", """{"pings":[],"pings":[]}""", "pings", "pings appears twice")]
    [InlineData("application/json", "[]", "body", "the request body must be a JSON object: {\"pings\": [...]}")]
    [InlineData("application/json", "", "body", "the request body is empty: send JSON")]
    [InlineData("application/json", """{"pings":[]} trailing""", "body", "the request body is not valid JSON (line 1, byte 14)")]
    [InlineData("application/json", """{"pings":[{"lat":1,}]}""", "body", "the request body is not valid JSON (line 1, byte 20)")]
    [InlineData("text/plain", """{"pings":[]}""", "body", "content type 'text/plain' is not read: send application/json")]
    [InlineData(null, """{"pings":[]}""", "body", "content type '' is not read: send application/json")]
    public async Task MalformedBatch_IsExplained(string? contentType, string body, string key, string message)
    {
        var result = await Read(Create("POST", "", contentType, body));

        Assert.Empty(result.Pings);
        Assert.Equal([message], result.Errors[key]);
    }

    [Fact]
    public async Task EmptyPingsArray_IsValidAndEmpty()
    {
        var result = await Read(Create("POST", "", "application/json", """{"pings":[]}"""));

        Assert.True(result.IsValid);
        Assert.Empty(result.Pings);
    }

    [Fact]
    public async Task InvalidUtf8_IsAnError()
    {
        var body = Encoding.UTF8.GetBytes("""{"pings":[{"device":"XX","time":"2025-06-15T13:45:12Z","lat":1,"lon":2}]}""");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3; // a lead byte followed by 'X' is not UTF-8

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Equal(["the request body is not UTF-8 text"], result.Errors["body"]);
    }

    [Fact]
    public async Task ManyBrokenPings_GiveABoundedListOfErrors()
    {
        var body = "{\"pings\":[" + string.Join(",", Enumerable.Repeat("{}", 1000)) + "]}";

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Empty(result.Pings);
        Assert.True(result.Errors.Count <= 101);
        Assert.Contains(result.Errors["body"], m => m.EndsWith("more errors are not shown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepeatedProblem_IsReportedAFewTimesNotThousands()
    {
        var body = "{" + string.Join(",", Enumerable.Repeat("\"pings\":[]", 20_000)) + "}";

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Equal(10, result.Errors["pings"].Length);
    }

    [Fact]
    public void DevicePing_ToString_HidesTheToken()
    {
        var ping = new DevicePing("top-secret", new(DateTimeOffset.UnixEpoch, 1, 2));

        Assert.DoesNotContain("top-secret", ping.ToString(), StringComparison.Ordinal);
    }

    private static string Batch(int count)
    {
        var builder = new StringBuilder("{\"pings\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                builder.Append(',');
            builder.Append($$"""{"time":"2025-06-15T13:{{i / 60 % 60:00}}:{{i % 60:00}}Z","lat":{{i % 90}}.5,"lon":2.25,"speed":3}""");
        }
        return builder.Append("]}").ToString();
    }

    private static Task<ProtocolReadResult> Read(Microsoft.AspNetCore.Http.HttpRequest request) =>
        PingBatchProtocol.ReadAsync(request, CancellationToken.None);
}
