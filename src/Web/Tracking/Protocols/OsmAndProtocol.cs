using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// Traccar's OsmAnd protocol, spoken by Traccar Client (all versions) and by GPSLogger pointed at it: fields in the
/// query string, in a urlencoded body, or Traccar Client 9's JSON. Any HTTP method.
/// </summary>
public static class OsmAndProtocol
{
    // Traccar reads the query `speed` in knots (1 kn = 1852 m/h ≈ 0.514444 m/s).
    private const double MetersPerSecondPerKnot = 1852.0 / 3600.0;

    private static readonly string[] LocationFields = ["id", "deviceid", "lat", "lon", "location"];

    /// <summary>
    /// Reads the request's one ping (JSON may carry several). Never throws for malformed input, only when
    /// <paramref name="cancellationToken"/> is cancelled. Consumes the request body.
    /// </summary>
    /// <param name="serverTime">The fix time when the device sends none.</param>
    public static async Task<ProtocolReadResult> ReadAsync(HttpRequest request, DateTimeOffset serverTime, CancellationToken cancellationToken)
    {
        var errors = new ProtocolErrors();
        var query = request.Query;

        if (ContentTypes.IsJson(request.ContentType))
        {
            using var body = await RequestBody.ReadAsync(request, errors, cancellationToken);
            if (body is null)
                return errors.ToResult();
            // A JSON content type with an empty body is an old client that put everything in the URL.
            if (!body.IsBlank)
                return OsmAndJsonReader.Read(body.Memory, First(query, "id") ?? First(query, "deviceid"), serverTime, errors);
            return ReadFields(new Fields(query, null), serverTime, errors);
        }

        if (!ContentTypes.MayHoldForm(request.ContentType))
        {
            if (!HasLocationFields(query))
            {
                errors.Add("body", $"content type '{ProtocolErrors.Quote(request.ContentType)}' is not read: send query parameters, a urlencoded form or JSON");
                return errors.ToResult();
            }
            return ReadFields(new Fields(query, null), serverTime, errors);
        }

        Dictionary<string, StringValues>? form = null;
        using (var body = await RequestBody.ReadAsync(request, errors, cancellationToken))
        {
            if (body is null)
                return errors.ToResult();
            // Invalid UTF-8 becomes U+FFFD here and then fails as a value, never as an exception.
            if (!body.IsBlank)
                form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Span));
        }
        return ReadFields(new Fields(query, form), serverTime, errors);
    }

    private static ProtocolReadResult ReadFields(Fields fields, DateTimeOffset serverTime, ProtocolErrors errors)
    {
        var deviceId = fields.Get("id") ?? fields.Get("deviceid");
        if (deviceId is null)
            errors.Add("id", "no device id: pass ?id=<device token>");

        var time = serverTime;
        if (fields.Get("timestamp") is { } timestamp && !WireValues.TryParseTime(timestamp, out time))
            errors.NotATime("timestamp", timestamp);

        var (latitude, longitude) = ReadPosition(fields, errors);
        // GPSLogger has no knots placeholder, so it sends m/s as the custom field speed_mps, which wins.
        var speed = fields.Get("speed_mps") is not null
            ? Number(fields, "speed_mps", errors)
            : Number(fields, "speed", errors) * MetersPerSecondPerKnot;
        var heading = fields.Get("bearing") is not null ? Number(fields, "bearing", errors) : Number(fields, "heading", errors);
        var altitude = Number(fields, "altitude", errors);
        var accuracy = Number(fields, "accuracy", errors);
        var battery = Number(fields, "batt", errors);

        if (errors.Added > 0)
            return errors.ToResult();
        return errors.ToResult([new DevicePing(deviceId!, new GpsFix(time.ToUniversalTime(), latitude, longitude)
        {
            SpeedMetersPerSecond = speed,
            HeadingDegrees = heading,
            AltitudeMeters = altitude,
            AccuracyMeters = accuracy,
            BatteryPercent = battery,
        })]);
    }

    private static (double Latitude, double Longitude) ReadPosition(Fields fields, ProtocolErrors errors)
    {
        if (fields.Get("lat") is null && fields.Get("lon") is null && fields.Get("location") is { } location)
        {
            var comma = location.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0
                && WireValues.TryParseNumber(location.AsSpan(0, comma), out var lat)
                && WireValues.TryParseNumber(location.AsSpan(comma + 1), out var lon))
                return (lat, lon);
            errors.Add("location", $"location '{ProtocolErrors.Quote(location)}' is not 'lat,lon'");
            return default;
        }

        var latitude = Number(fields, "lat", errors);
        var longitude = Number(fields, "lon", errors);
        // No "last known location" fallback at this layer, unlike Traccar.
        if (latitude is null && fields.Get("lat") is null)
            errors.Missing("lat");
        if (longitude is null && fields.Get("lon") is null)
            errors.Missing("lon");
        return (latitude ?? 0, longitude ?? 0);
    }

    private static double? Number(Fields fields, string name, ProtocolErrors errors)
    {
        if (fields.Get(name) is not { } text)
            return null;
        if (WireValues.TryParseNumber(text, out var value))
            return value;
        errors.NotANumber(name, text);
        return null;
    }

    private static bool HasLocationFields(IQueryCollection query)
    {
        foreach (var name in LocationFields)
        {
            if (First(query, name) is not null)
                return true;
        }
        return false;
    }

    // The first value; empty counts as absent, as an app leaves a field empty when it has no value for it.
    private static string? First(IQueryCollection query, string name) => NonEmpty(query[name]);

    private static string? First(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) ? NonEmpty(values) : null;

    private static string? NonEmpty(StringValues values) =>
        values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    /// <summary>Query parameters first, then the urlencoded body for what the URL leaves out.</summary>
    private readonly record struct Fields(IQueryCollection Query, Dictionary<string, StringValues>? Form)
    {
        public string? Get(string name) => First(Query, name) ?? (Form is null ? null : First(Form, name));
    }
}
