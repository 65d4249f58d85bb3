using OrleansPortal.Web.Tracking.Protocols;
using static OrleansPortal.Web.Tests.Tracking.Protocols.TestRequests;

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

public sealed class OwnTracksProtocolTests
{
    private const string JsonType = "application/json; charset=utf-8";

    private const string ExampleLocation = """
        {"_type":"location","tid":"42","lat":48.8566,"lon":2.3522,"tst":1718459112,"acc":9,
         "alt":35,"vel":27,"cog":270,"batt":81,"bs":1,"conn":"m","t":"t","topic":"owntracks/http/42",
         "created_at":1718459113}
        """;

    [Fact]
    public async Task BookletExample_WithBasicAuth_IsOnePingForThePassword()
    {
        var request = Create("POST", "", JsonType, ExampleLocation)
            .WithHeader("X-Limit-U", "tech-42")
            .WithHeader("X-Limit-D", "pixel7")
            .WithHeader("Authorization", "Basic dGVjaC00MjpzZWNyZXQ=");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal("secret", ping.DeviceToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718459112), ping.Fix.Time);
        Assert.Equal(48.8566, ping.Fix.Latitude);
        Assert.Equal(2.3522, ping.Fix.Longitude);
        Assert.Equal(7.5, ping.Fix.SpeedMetersPerSecond!.Value, 10); // 27 km/h
        Assert.Equal(270, ping.Fix.HeadingDegrees);
        Assert.Equal(35, ping.Fix.AltitudeMeters);
        Assert.Equal(9, ping.Fix.AccuracyMeters);
        Assert.Equal(81, ping.Fix.BatteryPercent);
    }

    [Theory]
    [InlineData("""{"_type":"lwt","tst":1718459112}""")]
    [InlineData("""{"_type":"transition","event":"enter","desc":"Depot","wtst":1718450000,"lat":48.8,"lon":2.3,"acc":10,"tst":1718459112,"t":"c"}""")]
    [InlineData("""{"_type":"waypoint","desc":"Depot","lat":48.8,"lon":2.3,"rad":50,"tst":1718450000}""")]
    public async Task NonLocationMessage_IsAcceptedWithoutPings(string message)
    {
        var request = Create("POST", "", JsonType, message).WithHeader("Authorization", Basic("tech-42", "secret"));

        var result = await Read(request);

        Assert.Empty(result.Pings);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task EncryptedMessage_IsAnError_BecauseItWouldHideLocations()
    {
        var request = Create("POST", "?token=t", JsonType, """{"_type":"encrypted","data":"c2VjcmV0"}""");

        var result = await Read(request);

        Assert.Empty(result.Pings);
        Assert.Equal(["encrypted messages cannot be read: turn off encryption in the app"], result.Errors["_type"]);
    }

    [Fact]
    public async Task ArrayOfMessages_YieldsOnePingPerLocation()
    {
        var body = $$"""[{{ExampleLocation}}, {"_type":"lwt","tst":1}, {"_type":"location","lat":1,"lon":2,"tst":1718459200}]""";
        var request = Create("POST", "", JsonType, body).WithHeader("Authorization", Basic("u", "secret"));

        var pings = AssertValid(await Read(request)).Pings;

        Assert.Equal([48.8566, 1.0], pings.Select(p => p.Fix.Latitude));
        Assert.Null(pings[1].Fix.SpeedMetersPerSecond); // vel is left out when zero or unknown
    }

    [Theory]
    [InlineData("?id=from-id", "from-id")]
    [InlineData("?token=from-token", "from-token")]
    [InlineData("?id=from-id&token=from-token", "from-id")]
    public async Task TokenFromQuery_WhenThereIsNoBasicPassword(string query, string expected)
    {
        var request = Create("POST", query, JsonType, ExampleLocation).WithHeader("X-Limit-U", "tech-42");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal(expected, ping.DeviceToken);
    }

    [Fact]
    public async Task BasicPassword_WinsOverQuery()
    {
        var request = Create("POST", "?token=from-query", JsonType, ExampleLocation).WithHeader("Authorization", Basic("u", "from-password"));

        Assert.Equal("from-password", Assert.Single(AssertValid(await Read(request)).Pings).DeviceToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dGVjaC00Mjo=")]  // "tech-42:" (user only)
    [InlineData("Basic dGVjaC00Mg==")]  // "tech-42" (no colon)
    [InlineData("Basic !!not-base64!!")]
    [InlineData("Bearer secret")]
    public async Task UserNameAndLimitHeaders_NeverServeAsToken(string? authorization)
    {
        var request = Create("POST", "?u=tech-42&d=pixel7", JsonType, ExampleLocation)
            .WithHeader("X-Limit-U", "tech-42")
            .WithHeader("X-Limit-D", "pixel7");
        if (authorization is not null)
            request.Headers.Authorization = authorization;

        var result = await Read(request);

        Assert.Empty(result.Pings);
        Assert.Equal(["no device token: set the device token as the password in the app, or pass ?token=<device token>"], result.Errors["token"]);
    }

    [Fact]
    public async Task NegativeVelocityAndCourse_AreUnknown()
    {
        var body = """{"_type":"location","lat":1,"lon":2,"tst":1718459112,"vel":-1,"cog":-1}""";

        var fix = Assert.Single(AssertValid(await Read(Create("POST", "?token=t", JsonType, body))).Pings).Fix;

        Assert.Null(fix.SpeedMetersPerSecond);
        Assert.Null(fix.HeadingDegrees);
    }

    [Fact]
    public async Task LocationWithoutRequiredFields_ExplainsEachOne()
    {
        var body = """[{"_type":"location","lon":"east","vel":"fast"}, {"lat":1}, 7]""";

        var result = await Read(Create("POST", "?token=t", JsonType, body));

        Assert.Empty(result.Pings);
        Assert.Equal(["lat is missing"], result.Errors["[0].lat"]);
        Assert.Equal(["lon 'east' is not a number"], result.Errors["[0].lon"]);
        Assert.Equal(["tst is missing"], result.Errors["[0].tst"]);
        Assert.Equal(["vel 'fast' is not a number"], result.Errors["[0].vel"]);
        Assert.Equal(["_type is missing"], result.Errors["[1]._type"]);
        Assert.Equal(["an OwnTracks message must be a JSON object"], result.Errors["[2]"]);
    }

    [Fact]
    public async Task EscapedLoneSurrogate_IsAnErrorNotAnException()
    {
        var body = """{"_type":"\ud800","lat":1,"lon":2,"tst":1718459112}""";

        var result = await Read(Create("POST", "?token=t", JsonType, body));

        Assert.Equal(["_type is not valid text"], result.Errors["_type"]);
    }

    [Theory]
    [InlineData("1e300", "tst '1E+300' is not a time")]
    [InlineData("-1e20", "tst '-1E+20' is not a time")]
    [InlineData("\"yesterday\"", "tst 'yesterday' is not a number")]
    public async Task UnreadableTst_IsAnError(string tst, string expected)
    {
        var body = $$"""{"_type":"location","lat":1,"lon":2,"tst":{{tst}}}""";

        var result = await Read(Create("POST", "?token=t", JsonType, body));

        Assert.Empty(result.Pings);
        Assert.Equal([expected], result.Errors["tst"]);
    }

    [Theory]
    [InlineData("text/plain", "{\"_type\":\"lwt\"}")]
    [InlineData(JsonType, "")]
    [InlineData(JsonType, "{\"_type\":")]
    [InlineData(JsonType, "42")]
    public async Task UnreadableBody_IsAnError(string contentType, string body)
    {
        var result = await Read(Create("POST", "?token=t", contentType, body));

        Assert.Empty(result.Pings);
        Assert.True(result.Errors.ContainsKey("body"));
    }

    private static Task<ProtocolReadResult> Read(Microsoft.AspNetCore.Http.HttpRequest request) =>
        OwnTracksProtocol.ReadAsync(request, CancellationToken.None);
}
