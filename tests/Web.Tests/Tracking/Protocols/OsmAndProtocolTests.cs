using System.Text;
using OrleansPortal.Web.Tracking.Protocols;
using static OrleansPortal.Web.Tests.Tracking.Protocols.TestRequests;

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

public sealed class OsmAndProtocolTests
{
    private const double MetersPerSecondPerKnot = 0.514444;
    private static readonly DateTimeOffset ServerTime = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TraccarTestQuery_PostedWithEmptyBody_IsOnePing()
    {
        var request = Create("POST", "?id=123456&timestamp=1377177267&lat=60.0&lon=30.0&speed=0.0&bearing=0.0&altitude=0&hdop=0.0");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal("123456", ping.DeviceToken);
        Assert.Equal(new DateTimeOffset(2013, 8, 22, 13, 14, 27, TimeSpan.Zero), ping.Fix.Time);
        Assert.Equal(60.0, ping.Fix.Latitude);
        Assert.Equal(30.0, ping.Fix.Longitude);
        Assert.Equal(0.0, ping.Fix.SpeedMetersPerSecond);
        Assert.Equal(0.0, ping.Fix.HeadingDegrees);
        Assert.Equal(0.0, ping.Fix.AltitudeMeters);
        Assert.Null(ping.Fix.AccuracyMeters);
        Assert.Null(ping.Fix.BatteryPercent);
    }

    [Fact]
    public async Task TraccarDocsGet_WithDeviceIdAndIsoTime_ConvertsKnotsToMetersPerSecond()
    {
        var request = Create("GET", "?deviceid=12345&lat=48.8566&lon=2.3522&timestamp=2021-01-01T00:00:00Z&speed=15&bearing=270&altitude=35&accuracy=10&hdop=0.8&batt=75");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal("12345", ping.DeviceToken);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), ping.Fix.Time);
        Assert.Equal(48.8566, ping.Fix.Latitude);
        Assert.Equal(2.3522, ping.Fix.Longitude);
        Assert.Equal(15 * MetersPerSecondPerKnot, ping.Fix.SpeedMetersPerSecond!.Value, 4);
        Assert.Equal(270, ping.Fix.HeadingDegrees);
        Assert.Equal(35, ping.Fix.AltitudeMeters);
        Assert.Equal(10, ping.Fix.AccuracyMeters);
        Assert.Equal(75, ping.Fix.BatteryPercent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task LegacyTraccarClient_PostsEmptyBodyWithFieldsInQuery_IsRead(string? contentType)
    {
        // Position.kt sends speed in knots (m/s x 1.943844): 3.887688 kn is 2 m/s.
        var request = Create("POST", "?id=tech-7&timestamp=1718459112&lat=48.85&lon=2.35&speed=3.887688&bearing=90.5&altitude=40.0&accuracy=12.0&batt=64.0&charge=true&mock=false", contentType, "");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal("tech-7", ping.DeviceToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718459112), ping.Fix.Time);
        Assert.Equal(2.0, ping.Fix.SpeedMetersPerSecond!.Value, 4);
        Assert.Equal(90.5, ping.Fix.HeadingDegrees);
        Assert.Equal(40, ping.Fix.AltitudeMeters);
        Assert.Equal(12, ping.Fix.AccuracyMeters);
        Assert.Equal(64, ping.Fix.BatteryPercent);
    }

    [Fact]
    public async Task TraccarClient9Json_IsReadWithMetersPerSecondAndBatteryTimesHundred()
    {
        const string body = """
            {"location":{"timestamp":"2025-06-15T13:45:12.862Z",
              "coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},
              "is_moving":false,"odometer":0,"event":"motionchange",
              "battery":{"level":1,"is_charging":false},"activity":{"type":"still"},"extras":{},
              "_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},
             "device_id":"48241179"}
            """;

        var ping = Assert.Single(AssertValid(await Read(Create("POST", "", "application/json", body))).Pings);

        Assert.Equal("48241179", ping.DeviceToken);
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 13, 45, 12, 862, TimeSpan.Zero), ping.Fix.Time);
        Assert.Equal(37.4219983, ping.Fix.Latitude);
        Assert.Equal(-122.084, ping.Fix.Longitude);
        Assert.Equal(5, ping.Fix.AccuracyMeters);
        Assert.Equal(0, ping.Fix.SpeedMetersPerSecond);
        Assert.Null(ping.Fix.HeadingDegrees); // -1 means unknown
        Assert.Equal(5, ping.Fix.AltitudeMeters);
        Assert.Equal(100, ping.Fix.BatteryPercent);
    }

    [Fact]
    public async Task Json_NegativeSpeedAndBatteryLevel_AreUnknown_AndSpeedIsNotConverted()
    {
        var moving = """{"device_id":"d","location":{"coords":{"latitude":1,"longitude":2,"speed":12.5,"heading":180},"battery":{"level":0.5}}}""";
        var unknown = """{"device_id":"d","location":{"coords":{"latitude":1,"longitude":2,"speed":-1},"battery":{"level":-1}}}""";

        var movingFix = Assert.Single(AssertValid(await Read(Create("POST", "", "application/json", moving))).Pings).Fix;
        var unknownFix = Assert.Single(AssertValid(await Read(Create("POST", "", "application/json", unknown))).Pings).Fix;

        Assert.Equal(12.5, movingFix.SpeedMetersPerSecond);
        Assert.Equal(180, movingFix.HeadingDegrees);
        Assert.Equal(50, movingFix.BatteryPercent);
        Assert.Null(unknownFix.SpeedMetersPerSecond);
        Assert.Null(unknownFix.BatteryPercent);
    }

    [Fact]
    public async Task Json_WithoutTimestamp_UsesServerTime()
    {
        var body = """{"device_id":"d","location":{"coords":{"latitude":1,"longitude":2}}}""";

        var ping = Assert.Single(AssertValid(await Read(Create("POST", "", "application/json", body))).Pings);

        Assert.Equal(ServerTime, ping.Fix.Time);
    }

    [Fact]
    public async Task Json_LocationArray_AndArrayOfEnvelopes_AndBareLocations_AreAllRead()
    {
        var locationArray = """
            {"device_id":"a","location":[
              {"timestamp":"2025-06-15T13:45:00Z","coords":{"latitude":1,"longitude":2}},
              {"timestamp":"2025-06-15T13:46:00Z","coords":{"latitude":3,"longitude":4}}]}
            """;
        var envelopes = """
            [{"device_id":"a","location":{"coords":{"latitude":1,"longitude":2}}},
             {"device_id":"b","location":{"coords":{"latitude":3,"longitude":4}}},
             {"timestamp":"2025-06-15T13:46:00Z","coords":{"latitude":5,"longitude":6}}]
            """;

        var fromArray = AssertValid(await Read(Create("POST", "", "application/json", locationArray))).Pings;
        var fromEnvelopes = AssertValid(await Read(Create("POST", "?id=c", "application/json", envelopes))).Pings;

        Assert.Equal([1.0, 3.0], fromArray.Select(p => p.Fix.Latitude));
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 13, 46, 0, TimeSpan.Zero), fromArray[1].Fix.Time);
        Assert.Equal(["a", "b", "c"], fromEnvelopes.Select(p => p.DeviceToken));
    }

    [Fact]
    public async Task Json_DeviceIdFromQuery_WhenBodyHasNone()
    {
        var body = """{"location":{"coords":{"latitude":1,"longitude":2}}}""";

        var ping = Assert.Single(AssertValid(await Read(Create("POST", "?id=from-url", "application/json", body))).Pings);

        Assert.Equal("from-url", ping.DeviceToken);
    }

    [Fact]
    public async Task Json_WithoutDeviceIdOrCoords_ExplainsWhatIsMissing()
    {
        var noDevice = await Read(Create("POST", "", "application/json", """{"location":{"coords":{"latitude":1,"longitude":2}}}"""));
        var noCoords = await Read(Create("POST", "", "application/json", """{"device_id":"d","location":{"timestamp":"2025-06-15T13:45:12Z"}}"""));
        var noLatitude = await Read(Create("POST", "", "application/json", """{"device_id":"d","location":{"coords":{"longitude":2}}}"""));

        Assert.Empty(noDevice.Pings);
        Assert.Equal(["no device id: send device_id or pass ?id=<device token>"], noDevice.Errors["device_id"]);
        Assert.Equal(["coords is missing"], noCoords.Errors["location.coords"]);
        Assert.Equal(["latitude is missing"], noLatitude.Errors["location.coords.latitude"]);
    }

    [Fact]
    public async Task Json_WrongTypes_AreErrorsNamingTheField()
    {
        var body = """{"device_id":{"x":1},"location":{"timestamp":true,"coords":{"latitude":"north","longitude":[2],"speed":1e999}}}""";

        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Empty(result.Pings);
        Assert.Equal(["device_id must be a string"], result.Errors["device_id"]);
        Assert.Equal(["timestamp must be a time"], result.Errors["location.timestamp"]);
        Assert.Equal(["latitude 'north' is not a number"], result.Errors["location.coords.latitude"]);
        Assert.Equal(["longitude must be a number"], result.Errors["location.coords.longitude"]);
        Assert.Equal(["speed '1e999' is not a number"], result.Errors["location.coords.speed"]);
    }

    [Theory]
    [InlineData("{\"device_id\":\"d\",")]
    [InlineData("not json")]
    [InlineData("[1, 2")]
    [InlineData("\"just a string\"")]
    [InlineData("   ")]
    public async Task Json_Malformed_IsAnErrorNotAnException(string body)
    {
        var result = await Read(Create("POST", "", "application/json", body));

        Assert.Empty(result.Pings);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task GpsLoggerUrl_SpeedMps_WinsOverKnots()
    {
        var url = "?id=tok&lat=48.85&lon=2.35&timestamp=1718459112&altitude=35.5&accuracy=4&bearing=12&batt=81&speed_mps=4.2";

        var ping = Assert.Single(AssertValid(await Read(Create("POST", url))).Pings);
        var both = Assert.Single(AssertValid(await Read(Create("POST", url + "&speed=99"))).Pings);

        Assert.Equal(4.2, ping.Fix.SpeedMetersPerSecond);
        Assert.Equal(4.2, both.Fix.SpeedMetersPerSecond);
        Assert.Equal(35.5, ping.Fix.AltitudeMeters);
        Assert.Equal(12, ping.Fix.HeadingDegrees);
        Assert.Equal(81, ping.Fix.BatteryPercent);
    }

    [Fact]
    public async Task FormBody_IsRead_WhenUrlHasNoFields()
    {
        var request = Create("POST", "", "application/x-www-form-urlencoded", "id=form-dev&lat=-33.86&lon=151.21&heading=45&timestamp=2024-06-15%2013%3A45%3A12");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal("form-dev", ping.DeviceToken);
        Assert.Equal(-33.86, ping.Fix.Latitude);
        Assert.Equal(45, ping.Fix.HeadingDegrees);
        Assert.Equal(new DateTimeOffset(2024, 6, 15, 13, 45, 12, TimeSpan.Zero), ping.Fix.Time);
    }

    [Fact]
    public async Task QueryWins_AndFormBodyFillsWhatTheUrlLeavesOut()
    {
        var request = Create("POST", "?id=url-dev&lat=10", "application/x-www-form-urlencoded", "id=body-dev&lat=20&lon=30");

        var ping = Assert.Single(AssertValid(await Read(request)).Pings);

        Assert.Equal("url-dev", ping.DeviceToken);
        Assert.Equal(10, ping.Fix.Latitude);
        Assert.Equal(30, ping.Fix.Longitude);
    }

    [Fact]
    public async Task LocationParameter_GivesLatitudeAndLongitude()
    {
        var ping = Assert.Single(AssertValid(await Read(Create("GET", "?id=d&location=48.8566,2.3522"))).Pings);
        var bad = await Read(Create("GET", "?id=d&location=48.8566"));

        Assert.Equal((48.8566, 2.3522), (ping.Fix.Latitude, ping.Fix.Longitude));
        Assert.Equal(["location '48.8566' is not 'lat,lon'"], bad.Errors["location"]);
    }

    [Theory]
    [InlineData("1377177267", "2013-08-22T13:14:27Z")]                    // epoch seconds
    [InlineData("1377177267123", "2013-08-22T13:14:27.123Z")]             // epoch milliseconds (>= 2^31)
    [InlineData("2147483647", "2038-01-19T03:14:07Z")]                    // largest value still read as seconds
    [InlineData("2147483648", "1970-01-25T20:31:23.648Z")]                // smallest value read as milliseconds
    [InlineData("1377177267.5", "2013-08-22T13:14:27.5Z")]                // fractional seconds
    [InlineData("2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z")]          // ISO-8601 UTC
    [InlineData("2025-06-15T13:45:12.862Z", "2025-06-15T13:45:12.862Z")]  // ISO-8601 with milliseconds
    [InlineData("2021-01-01T02:00:00%2B02:00", "2021-01-01T00:00:00Z")]   // ISO-8601 with an offset
    [InlineData("2021-01-01T02:00:00+02:00", "2021-01-01T00:00:00Z")]     // unencoded '+' arrives as a space
    [InlineData("2021-01-01T00:00:00", "2021-01-01T00:00:00Z")]           // no zone: UTC
    [InlineData("2021-01-01T00:00Z", "2021-01-01T00:00:00Z")]             // ISO-8601 without seconds
    [InlineData("2021-01-01%2000:00:00", "2021-01-01T00:00:00Z")]         // Traccar's yyyy-MM-dd HH:mm:ss, UTC
    public async Task Timestamp_EveryForm_IsReadAsUtc(string timestamp, string expected)
    {
        var ping = Assert.Single(AssertValid(await Read(Create("GET", $"?id=d&lat=1&lon=2&timestamp={timestamp}"))).Pings);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ping.Fix.Time);
        Assert.Equal(TimeSpan.Zero, ping.Fix.Time.Offset);
    }

    [Fact]
    public async Task MissingTimestamp_UsesServerTime()
    {
        var ping = Assert.Single(AssertValid(await Read(Create("GET", "?id=d&lat=1&lon=2"))).Pings);

        Assert.Equal(ServerTime, ping.Fix.Time);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2021-13-01T00:00:00Z")]
    [InlineData("99999999999999999999")]
    [InlineData("1e300")]
    [InlineData("01/02/2021")]
    public async Task UnreadableTimestamp_IsAnError(string timestamp)
    {
        var result = await Read(Create("GET", $"?id=d&lat=1&lon=2&timestamp={Uri.EscapeDataString(timestamp)}"));

        Assert.Empty(result.Pings);
        Assert.Equal([$"timestamp '{timestamp}' is not a time"], result.Errors["timestamp"]);
    }

    [Fact]
    public async Task MissingDeviceIdAndPosition_AreExplained()
    {
        var result = await Read(Create("GET", "?timestamp=1377177267"));

        Assert.Empty(result.Pings);
        Assert.Equal(["no device id: pass ?id=<device token>"], result.Errors["id"]);
        Assert.Equal(["lat is missing"], result.Errors["lat"]);
        Assert.Equal(["lon is missing"], result.Errors["lon"]);
    }

    [Theory]
    [InlineData("speed", "x")]
    [InlineData("speed", "NaN")]
    [InlineData("lat", "Infinity")]
    [InlineData("lon", "1e400")]
    [InlineData("lat", "48,85")]
    [InlineData("batt", "full")]
    public async Task NonNumericField_IsAnError(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["id"] = "d", ["lat"] = "1", ["lon"] = "2", [field] = value };
        var query = string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

        var result = await Read(Create("GET", "?" + query));

        Assert.Empty(result.Pings);
        Assert.Equal([$"{field} '{value}' is not a number"], result.Errors[field]);
    }

    [Fact]
    public async Task ErrorMessages_NeverQuoteTheDeviceToken()
    {
        var result = await Read(Create("GET", "?id=top-secret-token&lat=x&lon=y&timestamp=z"));

        Assert.DoesNotContain(result.Errors.Values.SelectMany(m => m), m => m.Contains("top-secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnsupportedContentType_WithoutQueryFields_IsAnError_ButQueryFieldsStillWork()
    {
        var unread = await Read(Create("POST", "", "multipart/form-data; boundary=x", "--x--"));
        var fromQuery = await Read(Create("POST", "?id=d&lat=1&lon=2", "application/xml", "<x/>"));

        Assert.Equal(["content type 'multipart/form-data; boundary=x' is not read: send query parameters, a urlencoded form or JSON"], unread.Errors["body"]);
        Assert.Single(AssertValid(fromQuery).Pings);
    }

    [Fact]
    public async Task BodyOverOneMebibyte_IsRefused()
    {
        var huge = new byte[1024 * 1024 + 1];
        Array.Fill(huge, (byte)'a');
        var declared = Create("POST", "", "application/json", huge);
        var undeclared = Create("POST", "", "application/json", huge);
        undeclared.ContentLength = null;

        var declaredResult = await Read(declared);
        var undeclaredResult = await Read(undeclared);

        Assert.Equal(["the request body is larger than 1 MiB"], declaredResult.Errors["body"]);
        Assert.Equal(["the request body is larger than 1 MiB"], undeclaredResult.Errors["body"]);
    }

    [Fact]
    public async Task BodyOfExactlyOneMebibyte_IsRead()
    {
        var json = """{"device_id":"d","location":{"coords":{"latitude":1,"longitude":2}}}""";
        var body = Encoding.UTF8.GetBytes(json.PadRight(1024 * 1024));
        var request = Create("POST", "", "application/json", body);
        request.ContentLength = null;

        Assert.Single(AssertValid(await Read(request)).Pings);
    }

    [Fact]
    public async Task BodyThatFailsMidway_IsAnError()
    {
        var request = Create("POST", "", "application/x-www-form-urlencoded", "");
        request.ContentLength = null;
        request.Body = new FailingStream();

        var result = await Read(request);

        Assert.Equal(["the request body could not be read to the end"], result.Errors["body"]);
    }

    [Fact]
    public async Task CancelledRequest_StopsWithOperationCanceled()
    {
        var request = Create("POST", "", "application/x-www-form-urlencoded", "id=d&lat=1&lon=2");
        request.ContentLength = null;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OsmAndProtocol.ReadAsync(request, ServerTime, new CancellationToken(canceled: true)));
    }

    private static Task<ProtocolReadResult> Read(Microsoft.AspNetCore.Http.HttpRequest request) =>
        OsmAndProtocol.ReadAsync(request, ServerTime, CancellationToken.None);
}
