using System.Text.Json;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// OwnTracks in HTTP mode: a JSON message, or an array of them, posted by the app. Only <c>_type: "location"</c>
/// carries a fix; every other type (transition, lwt, waypoint, card...) is accepted and ignored, except
/// <c>encrypted</c>, which is an error because it would hide locations.
/// </summary>
public static class OwnTracksProtocol
{
    // OwnTracks sends vel in km/h.
    private const double MetersPerSecondPerKph = 1000.0 / 3600.0;

    /// <summary>
    /// Reads the request's pings. The device token is the Basic auth password, else <c>?id=</c>, else <c>?token=</c>;
    /// the Basic user name and X-Limit-U / X-Limit-D are chosen freely in the app, so they never authenticate.
    /// Never throws for malformed input, only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static async Task<ProtocolReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ProtocolErrors();
        var token = AuthorizationHeader.BasicPassword(request.Headers.Authorization)
            ?? NonEmpty(request.Query["id"]) ?? NonEmpty(request.Query["token"]);
        if (token is null)
            errors.Add("token", "no device token: set the device token as the password in the app, or pass ?token=<device token>");

        if (!ContentTypes.IsJson(request.ContentType) && !ContentTypes.IsAbsent(request.ContentType))
        {
            errors.Add("body", $"content type '{ProtocolErrors.Quote(request.ContentType)}' is not read: send application/json");
            return errors.ToResult();
        }

        using var body = await RequestBody.ReadAsync(request, errors, cancellationToken);
        if (body is null || !JsonBody.TryPrepare(body.Memory, errors, out var json))
            return errors.ToResult();
        using var document = JsonBody.TryParse(json, errors);
        if (document is null)
            return errors.ToResult();

        var pings = new List<DevicePing>();
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var message in root.EnumerateArray())
                ReadMessage(message, $"[{index++}]", token, pings, errors);
        }
        else
        {
            ReadMessage(root, "", token, pings, errors);
        }
        return errors.ToResult(pings);
    }

    private static void ReadMessage(JsonElement message, string key, string? token, List<DevicePing> pings, ProtocolErrors errors)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key.Length == 0 ? "body" : key, "an OwnTracks message must be a JSON object");
            return;
        }
        var prefix = key.Length == 0 ? "" : key + ".";
        var before = errors.Added;
        var type = JsonFields.Text(message, prefix, "_type", errors);
        if (type is null)
        {
            if (errors.Added == before)
                errors.Missing(prefix + "_type");
            return;
        }
        // Encrypted messages would hide every location from us: say so instead of dropping them silently.
        if (type == "encrypted")
            errors.Add(prefix + "_type", "encrypted messages cannot be read: turn off encryption in the app");
        if (type != "location")
            return;

        var latitude = JsonFields.RequiredNumber(message, prefix, "lat", errors);
        var longitude = JsonFields.RequiredNumber(message, prefix, "lon", errors);
        var time = ReadTime(message, prefix, errors);
        var accuracy = JsonFields.Number(message, prefix, "acc", errors);
        var altitude = JsonFields.Number(message, prefix, "alt", errors);
        var velocity = JsonFields.Number(message, prefix, "vel", errors);
        var course = JsonFields.Number(message, prefix, "cog", errors);
        var battery = JsonFields.Number(message, prefix, "batt", errors);

        if (token is null || errors.Added != before)
            return;
        // iOS reports -1 for a speed or course it does not know; OwnTracks passes such values through.
        pings.Add(new DevicePing(token, new GpsFix(time, latitude!.Value, longitude!.Value)
        {
            SpeedMetersPerSecond = velocity >= 0 ? velocity * MetersPerSecondPerKph : null,
            HeadingDegrees = course >= 0 ? course : null,
            AltitudeMeters = altitude,
            AccuracyMeters = accuracy,
            BatteryPercent = battery >= 0 ? battery : null,
        }));
    }

    // tst is always epoch seconds in OwnTracks; there is no server-time fallback because the app always sends it.
    private static DateTimeOffset ReadTime(JsonElement message, string prefix, ProtocolErrors errors)
    {
        var before = errors.Added;
        var seconds = JsonFields.Number(message, prefix, "tst", errors);
        if (seconds is null)
        {
            if (errors.Added == before)
                errors.Missing(prefix + "tst");
            return default;
        }
        if (WireValues.TryFromUnixSeconds(seconds.Value, out var time))
            return time;
        errors.NotATime(prefix + "tst", seconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return default;
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
