using System.Text.Json;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// The JSON shape of the OsmAnd protocol, as the background-location SDK behind Traccar Client 9 posts it:
/// <c>{"location": {...} | [{...}], "device_id": "..."}</c>, an array of those, or locations without the wrapper.
/// </summary>
internal static class OsmAndJsonReader
{
    public static ProtocolReadResult Read(ReadOnlyMemory<byte> body, string? queryDeviceId, DateTimeOffset serverTime, ProtocolErrors errors)
    {
        if (!JsonBody.TryPrepare(body, errors, out var json))
            return errors.ToResult();
        using var document = JsonBody.TryParse(json, errors);
        if (document is null)
            return errors.ToResult();

        var pings = new List<DevicePing>();
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            ReadEnvelope(root, "", queryDeviceId, serverTime, pings, errors);
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var prefix = $"[{index++}]";
                if (element.ValueKind == JsonValueKind.Object)
                    ReadEnvelope(element, prefix + ".", queryDeviceId, serverTime, pings, errors);
                else
                    errors.WrongType(prefix, "an object");
            }
        }
        else
        {
            errors.Add("body", "the JSON body must be an object or an array of objects");
        }
        return errors.ToResult(pings);
    }

    private static void ReadEnvelope(JsonElement envelope, string prefix, string? queryDeviceId, DateTimeOffset serverTime, List<DevicePing> pings, ProtocolErrors errors)
    {
        var before = errors.Added;
        var deviceId = JsonFields.Text(envelope, prefix, "device_id", errors);
        if (deviceId is null && errors.Added == before)
            deviceId = queryDeviceId;
        if (deviceId is null && errors.Added == before)
            errors.Add(prefix + "device_id", "no device id: send device_id or pass ?id=<device token>");

        if (envelope.TryGetProperty("location", out var location))
        {
            if (location.ValueKind == JsonValueKind.Object)
            {
                ReadLocation(location, prefix + "location.", deviceId, serverTime, pings, errors);
            }
            else if (location.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in location.EnumerateArray())
                {
                    var elementPrefix = $"{prefix}location[{index++}]";
                    if (element.ValueKind == JsonValueKind.Object)
                        ReadLocation(element, elementPrefix + ".", deviceId, serverTime, pings, errors);
                    else
                        errors.WrongType(elementPrefix, "an object");
                }
            }
            else
            {
                errors.WrongType(prefix + "location", "an object or an array");
            }
        }
        else if (envelope.TryGetProperty("coords", out _))
        {
            // The SDK's httpRootProperty "." puts the location's fields at the top level.
            ReadLocation(envelope, prefix, deviceId, serverTime, pings, errors);
        }
        else
        {
            errors.Missing(prefix + "location");
        }
    }

    private static void ReadLocation(JsonElement location, string prefix, string? deviceId, DateTimeOffset serverTime, List<DevicePing> pings, ProtocolErrors errors)
    {
        var before = errors.Added;
        var time = JsonFields.Time(location, prefix, "timestamp", errors) ?? serverTime;
        if (!location.TryGetProperty("coords", out var coords) || coords.ValueKind == JsonValueKind.Null)
        {
            errors.Missing(prefix + "coords");
            return;
        }
        if (coords.ValueKind != JsonValueKind.Object)
        {
            errors.WrongType(prefix + "coords", "an object");
            return;
        }

        var coordsPrefix = prefix + "coords.";
        var latitude = JsonFields.RequiredNumber(coords, coordsPrefix, "latitude", errors);
        var longitude = JsonFields.RequiredNumber(coords, coordsPrefix, "longitude", errors);
        var speed = JsonFields.Number(coords, coordsPrefix, "speed", errors);
        var heading = JsonFields.Number(coords, coordsPrefix, "heading", errors);
        var altitude = JsonFields.Number(coords, coordsPrefix, "altitude", errors);
        var accuracy = JsonFields.Number(coords, coordsPrefix, "accuracy", errors);
        var battery = ReadBatteryLevel(location, prefix, errors);

        if (deviceId is null || errors.Added != before)
            return;
        // The SDK reports -1 for speed, heading and battery level it does not know.
        pings.Add(new DevicePing(deviceId, new GpsFix(time.ToUniversalTime(), latitude!.Value, longitude!.Value)
        {
            SpeedMetersPerSecond = speed >= 0 ? speed : null,
            HeadingDegrees = heading >= 0 ? heading : null,
            AltitudeMeters = altitude,
            AccuracyMeters = accuracy,
            BatteryPercent = battery >= 0 ? battery * 100 : null,
        }));
    }

    private static double? ReadBatteryLevel(JsonElement location, string prefix, ProtocolErrors errors)
    {
        if (!location.TryGetProperty("battery", out var battery) || battery.ValueKind == JsonValueKind.Null)
            return null;
        if (battery.ValueKind == JsonValueKind.Object)
            return JsonFields.Number(battery, prefix + "battery.", "level", errors);
        errors.WrongType(prefix + "battery", "an object");
        return null;
    }
}
